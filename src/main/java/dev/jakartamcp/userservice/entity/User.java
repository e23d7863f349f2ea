package dev.jakartamcp.userservice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A user of the user service. Address and credit card are flat columns: either all set or all null.
 * SEQUENCE ids, because EclipseLink's IDENTITY DDL is rejected by H2 2.x.
 */
@Entity
@Table(name = "APP_USER")
public class User {

    @Id
    @SequenceGenerator(name = "user_seq", sequenceName = "APP_USER_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_seq")
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String surname;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(name = "about_me", nullable = false, length = 4000)
    public String aboutMe;

    public String phone;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String gender;

    public String company;

    public Double salary;

    @Column(name = "address_country")
    public String addressCountry;
    @Column(name = "address_city")
    public String addressCity;
    @Column(name = "address_street")
    public String addressStreet;
    @Column(name = "address_flat_house")
    public String addressFlatHouse;

    /** Digits only; formatted as groups of four on the way out. */
    @Column(name = "card_num")
    public String cardNumber;
    /** Always null: a CVV is accepted for compatibility and dropped. The column stays so old values can be erased. */
    @Column(name = "card_cvv")
    public String cardCvv;
    @Column(name = "card_exp_date")
    public String cardExpDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
