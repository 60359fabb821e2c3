package no.ks.led.organisations.roster;

import java.util.List;

/**
 * What a roster does to a tenant: how many rows it has and how many are valid, every error and
 * warning by row and column, and what it creates (a dry run) or created (an import). The counts
 * cover the valid rows; schools and people that exist already are reused and not counted. A person
 * counts as existing only if the tenant knows them already: whether another tenant knows the address
 * is never told.
 */
public record RosterReport(boolean dryRun, int rows, int valid, List<RosterError> errors, List<RosterError> warnings,
        int schoolsToCreate, int peopleToCreate, int membershipsToGrant) {
}
