package no.ks.led.organisations.rest;

import java.util.Set;

/** Who the caller is: their identity, the tenants they may enter and their roles. */
public record Me(String subject, String username, String name, Set<String> tenants, Set<String> roles) {
}
