package dev.jakartamcp.chat;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Serves the chat page at the context root; its script and style are static files beside it. */
@WebServlet(urlPatterns = "")
public class ChatPageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        request.getRequestDispatcher("/chat.html").forward(request, response);
    }
}
