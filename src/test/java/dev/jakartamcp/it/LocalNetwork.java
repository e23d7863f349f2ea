package dev.jakartamcp.it;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;

/** This machine's addresses, for proving a server answers on loopback only. */
final class LocalNetwork {

    private LocalNetwork() {
    }

    /** An IPv4 address of an interface that is up and not loopback, or null when there is none. */
    static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return address;
                    }
                }
            }
        }
        return null;
    }
}
