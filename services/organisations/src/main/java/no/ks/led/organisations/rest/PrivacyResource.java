package no.ks.led.organisations.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.ks.led.foundation.access.TenantAccess;
import no.ks.led.organisations.Person;
import no.ks.led.organisations.service.PersonErasure;
import no.ks.led.organisations.service.PersonalData;

/** KS's handling of a person's rights: access to everything stored about them, and erasure. */
@Path("/api/national/people")
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {

    @Inject
    TenantAccess access;

    @Inject
    PersonalData personalData;

    @Inject
    PersonErasure erasure;

    @GET
    @Path("{personId}/export")
    public PersonalData.Export export(@PathParam("personId") String personId) {
        access.requireNational(NationalTenantResource.KS_ADMIN);
        return personalData.export(Fields.pathId("Person", personId));
    }

    /**
     * Erases a person: pseudonymised here, memberships ended, and one PersonErased per organisation
     * they belonged to, so every service pseudonymises what it holds. Erasing again changes nothing.
     */
    @POST
    @Path("{personId}/erasure")
    public PersonView erase(@PathParam("personId") String personId) {
        access.requireNational(NationalTenantResource.KS_ADMIN);
        Person person = erasure.erase(Fields.pathId("Person", personId));
        return PersonView.of(person);
    }
}
