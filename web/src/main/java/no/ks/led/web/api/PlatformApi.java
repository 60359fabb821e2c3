package no.ks.led.web.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The platform's API as the web app uses it: through the gateway, with the signed-in person's own access
 * token, so the API decides every access question and the pages never do.
 */
@RegisterRestClient(configKey = "platform-api")
@RegisterProvider(ApiProblems.class)
@AccessToken
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PlatformApi {

    /** The most rows a list route gives in one page. */
    int LARGEST_PAGE = 500;

    @GET
    @Path("me")
    Me me();

    @GET
    @Path("tenants/{tenantId}")
    Tenant tenant(@PathParam("tenantId") String tenantId);

    /** Every school of the tenant: a kommune can have more than one page of them (the API's pages hold at most 500). */
    default List<School> schools(String tenantId) {
        List<School> all = new ArrayList<>();
        for (int offset = 0;; offset += LARGEST_PAGE) {
            RestResponse<List<School>> page = schoolPage(tenantId, LARGEST_PAGE, offset);
            all.addAll(page.getEntity());
            String link = page.getHeaderString("Link");
            if (link == null || !link.contains("rel=\"next\"")) {
                return all;
            }
        }
    }

    @GET
    @Path("tenants/{tenantId}/schools")
    RestResponse<List<School>> schoolPage(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit,
            @QueryParam("offset") int offset);

    @GET
    @Path("tenants/{tenantId}/survey-rounds")
    List<SurveyRound> surveyRounds(@PathParam("tenantId") String tenantId);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}")
    SurveyRoundDetail surveyRound(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/responses/mine")
    MyResponse myResponse(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @PUT
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/responses/mine")
    MyResponse saveDraft(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId, Answers answers);

    @POST
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/responses/mine/submission")
    MyResponse submit(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/results/schools/{schoolId}")
    Results schoolResults(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId);

    @PUT
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/results/schools/{schoolId}/sharing")
    Results share(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId);

    @DELETE
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/results/schools/{schoolId}/sharing")
    Results withdraw(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("schoolId") UUID schoolId);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/completion")
    List<Completion> completion(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @POST
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/reminders")
    void remind(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @GET
    @Path("me/pending-memberships")
    List<PendingMembership> pendingMemberships();

    @POST
    @Path("me/pending-memberships/{membershipId}/accept")
    void acceptMembership(@PathParam("membershipId") UUID membershipId);

    @POST
    @Path("me/pending-memberships/{membershipId}/decline")
    void declineMembership(@PathParam("membershipId") UUID membershipId);

    @GET
    @Path("tenants/{tenantId}/programmes")
    List<Programme> programmes(@PathParam("tenantId") String tenantId);

    @POST
    @Path("tenants/{tenantId}/programmes")
    Programme createProgramme(@PathParam("tenantId") String tenantId, NewProgramme programme,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("tenants/{tenantId}/programmes/{programmeId}")
    Programme programme(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId);

    @GET
    @Path("tenants/{tenantId}/programme-templates")
    List<ProgrammeTemplate> programmeTemplates(@PathParam("tenantId") String tenantId);

    @GET
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan")
    LocalPlan plan(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId);

    @GET
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan.docx")
    @Produces("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    byte[] planDocument(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId);

    @GET
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan/history")
    List<PlanCycle> planHistory(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId);

    @GET
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan/focus")
    List<SchoolFocus> planFocus(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId);

    @POST
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan/checklist/{stepCode}/completion")
    void completeStep(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("stepCode") String stepCode);

    @POST
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan/phases/{phase}/completion")
    void completePhase(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("phase") String phase);

    @POST
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan/changes")
    void changePlan(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            PlanChange change, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("tenants/{tenantId}/programmes/{programmeId}/proposals")
    List<PlanProposal> proposals(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId);

    @POST
    @Path("tenants/{tenantId}/programmes/{programmeId}/proposals")
    void propose(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            NewProposal proposal, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("tenants/{tenantId}/programmes/{programmeId}/proposals/{proposalId}/decision")
    void decideProposal(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            @PathParam("proposalId") UUID proposalId, ProposalDecision decision);

    @POST
    @Path("tenants/{tenantId}/programmes/{programmeId}/plan/evaluations")
    void evaluatePlan(@PathParam("tenantId") String tenantId, @PathParam("programmeId") UUID programmeId,
            PlanEvaluation evaluation);
    // scheduling

    @GET
    @Path("tenants/{tenantId}/horizon")
    Horizon horizon(@PathParam("tenantId") String tenantId);

    @GET
    @Path("tenants/{tenantId}/activities")
    List<Activity> activities(@PathParam("tenantId") String tenantId, @jakarta.ws.rs.QueryParam("from") String from,
            @jakarta.ws.rs.QueryParam("to") String to, @jakarta.ws.rs.QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/calendar-feeds")
    CalendarFeed createCalendarFeed(@PathParam("tenantId") String tenantId, java.util.Map<String, String> feed);

    @DELETE
    @Path("tenants/{tenantId}/calendar-feeds/{feedId}")
    void revokeCalendarFeed(@PathParam("tenantId") String tenantId, @PathParam("feedId") UUID feedId);
    // scheduling: the activity page, the speaker directory, the evaluation

    @GET
    @Path("tenants/{tenantId}/activities/{activityId}")
    Activity activity(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId);

    @GET
    @Path("tenants/{tenantId}/activities/{activityId}/sign-ups")
    List<SignUp> signUps(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/activities/{activityId}/sign-ups")
    void signUp(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            java.util.Map<String, String> signUp);

    @POST
    @Path("tenants/{tenantId}/activities/{activityId}/sign-ups/{signUpId}/cancellation")
    void cancelSignUp(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("signUpId") UUID signUpId);

    @PUT
    @Path("tenants/{tenantId}/activities/{activityId}/sign-ups/{signUpId}/attendance")
    void recordAttendance(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("signUpId") UUID signUpId, java.util.Map<String, Boolean> attendance);

    @GET
    @Path("tenants/{tenantId}/speakers")
    List<Speaker> speakers(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/speakers")
    void addSpeaker(@PathParam("tenantId") String tenantId, java.util.Map<String, String> speaker);

    @POST
    @Path("tenants/{tenantId}/activities/{activityId}/speakers")
    void bookSpeaker(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            java.util.Map<String, Object> booking);

    @GET
    @Path("tenants/{tenantId}/activities/{activityId}/evaluation")
    Evaluation evaluation(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId);

    @POST
    @Path("tenants/{tenantId}/activities/{activityId}/evaluation/answers")
    void answerEvaluation(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            java.util.Map<String, Object> answer);

    @GET
    @Path("tenants/{tenantId}/activities/{activityId}/evaluation/results")
    Evaluation.Results evaluationResults(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId);
    // survey rounds: opening, closing, the owner's results, trends, exports and charts

    @POST
    @Path("tenants/{tenantId}/survey-rounds")
    SurveyRound openRound(@PathParam("tenantId") String tenantId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            NewRound round);

    @POST
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/closing")
    void closeRound(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/results")
    OwnerResults ownerResults(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/results/levels")
    LevelResults ownerResultsByLevel(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId);

    @GET
    @Path("tenants/{tenantId}/survey-results/trend")
    Trend trend(@PathParam("tenantId") String tenantId);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/results/chart/{chart}")
    @Produces("image/svg+xml")
    byte[] ownerChart(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("chart") String chart);

    @GET
    @Path("tenants/{tenantId}/survey-rounds/{roundId}/{file}")
    @Produces(MediaType.WILDCARD)
    byte[] ownerExport(@PathParam("tenantId") String tenantId, @PathParam("roundId") UUID roundId,
            @PathParam("file") String file);

    // organisations: schools, people and roles, engagements of consultancies

    @GET
    @Path("tenants/{tenantId}/schools/{schoolId}")
    School school(@PathParam("tenantId") String tenantId, @PathParam("schoolId") UUID schoolId);

    @POST
    @Path("tenants/{tenantId}/schools")
    School addSchool(@PathParam("tenantId") String tenantId, SchoolChange school);

    @PATCH
    @Path("tenants/{tenantId}/schools/{schoolId}")
    School changeSchool(@PathParam("tenantId") String tenantId, @PathParam("schoolId") UUID schoolId, SchoolChange change);

    @GET
    @Path("tenants/{tenantId}/people")
    List<Person> people(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/people")
    void addPerson(@PathParam("tenantId") String tenantId, NewPerson person);

    @POST
    @Path("tenants/{tenantId}/people/{personId}/memberships")
    void grantRole(@PathParam("tenantId") String tenantId, @PathParam("personId") UUID personId, NewRole role);

    @DELETE
    @Path("tenants/{tenantId}/memberships/{membershipId}")
    void endRole(@PathParam("tenantId") String tenantId, @PathParam("membershipId") UUID membershipId);

    @GET
    @Path("tenants/{tenantId}/engagements")
    List<Engagement> engagements(@PathParam("tenantId") String tenantId);

    @POST
    @Path("tenants/{tenantId}/engagements")
    void startEngagement(@PathParam("tenantId") String tenantId, NewEngagement engagement);

    @DELETE
    @Path("tenants/{tenantId}/engagements/{engagementId}")
    void endEngagement(@PathParam("tenantId") String tenantId, @PathParam("engagementId") UUID engagementId);

    // national: KS's tenants, the national results and trend

    @GET
    @Path("national/tenants")
    List<TenantSummary> nationalTenants(@QueryParam("limit") int limit);

    @POST
    @Path("national/tenants")
    void onboardTenant(NewTenant tenant);

    @POST
    @Path("national/tenants/{slug}/deactivation")
    void deactivateTenant(@PathParam("slug") String slug);

    @GET
    @Path("national/instruments/{version}")
    SurveyRoundDetail.Questions instrument(@PathParam("version") int version);

    @GET
    @Path("national/survey-results")
    NationalResults nationalResults(@QueryParam("instrumentVersion") int instrumentVersion, @QueryParam("year") int year);

    @GET
    @Path("national/survey-results.csv")
    @Produces(MediaType.WILDCARD)
    byte[] nationalResultsCsv(@QueryParam("instrumentVersion") int instrumentVersion, @QueryParam("year") int year);

    @GET
    @Path("national/survey-results/trend")
    NationalTrend nationalTrend(@QueryParam("instrumentVersion") int instrumentVersion, @QueryParam("fromYear") int fromYear,
            @QueryParam("toYear") int toYear);

    // funding: the budget, applications to the fund, refund claims, warnings

    @GET
    @Path("tenants/{tenantId}/budget")
    Budget budget(@PathParam("tenantId") String tenantId, @QueryParam("year") int year);

    @POST
    @Path("tenants/{tenantId}/budget/costs")
    void addBudgetCost(@PathParam("tenantId") String tenantId, NewBudgetCost cost);

    @DELETE
    @Path("tenants/{tenantId}/budget/costs/{costId}")
    void removeBudgetCost(@PathParam("tenantId") String tenantId, @PathParam("costId") UUID costId);

    @GET
    @Path("national/funding-policies")
    List<FundingPolicy> fundingPolicies();

    @GET
    @Path("tenants/{tenantId}/activities")
    List<BookedActivity> bookedActivities(@PathParam("tenantId") String tenantId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") int limit);

    @GET
    @Path("tenants/{tenantId}/funding/applications")
    List<FundingApplication> fundingApplications(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/funding/applications")
    FundingApplication prepareFundingApplication(@PathParam("tenantId") String tenantId, NewFundingApplication application,
            @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("tenants/{tenantId}/funding/applications/{applicationId}")
    FundingApplication fundingApplication(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId);

    @POST
    @Path("tenants/{tenantId}/funding/applications/{applicationId}/decision")
    FundingApplication decideFundingApplication(@PathParam("tenantId") String tenantId,
            @PathParam("applicationId") UUID applicationId, FundingDecision decision);

    @GET
    @Path("tenants/{tenantId}/funding/applications/{applicationId}/summary.pdf")
    @Produces("application/pdf")
    byte[] fundingApplicationSummary(@PathParam("tenantId") String tenantId, @PathParam("applicationId") UUID applicationId);

    @GET
    @Path("tenants/{tenantId}/funding/warnings")
    List<FundingWarning> fundingWarnings(@PathParam("tenantId") String tenantId);

    @GET
    @Path("tenants/{tenantId}/funding/claims")
    List<FundingClaim> fundingClaims(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/funding/claims")
    FundingClaim prepareClaim(@PathParam("tenantId") String tenantId, NewClaim claim);

    @GET
    @Path("tenants/{tenantId}/funding/claims/{claimId}")
    FundingClaim fundingClaim(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId);

    @POST
    @Path("tenants/{tenantId}/funding/claims/{claimId}/attachments")
    @Consumes("application/pdf")
    void attachToClaim(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId,
            @QueryParam("kind") String kind, @QueryParam("name") String name, byte[] pdf);

    @POST
    @Path("tenants/{tenantId}/funding/claims/{claimId}/submission")
    FundingClaim submitClaim(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId);

    @POST
    @Path("tenants/{tenantId}/funding/claims/{claimId}/refund")
    FundingClaim recordRefund(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId, ReceivedRefund refund);

    @GET
    @Path("tenants/{tenantId}/funding/claims/{claimId}/bundle.pdf")
    @Produces("application/pdf")
    byte[] claimBundle(@PathParam("tenantId") String tenantId, @PathParam("claimId") UUID claimId);

    // ---- an activity's agenda and materials (issue 15)

    @GET
    @Path("tenants/{tenantId}/activities/{activityId}/attachments")
    List<ActivityAttachment> activityAttachments(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId);

    /** The body is the file; its type is the Content-Type, its name and kind are in the query. */
    @POST
    @Path("tenants/{tenantId}/activities/{activityId}/attachments")
    void attachToActivity(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @QueryParam("kind") String kind, @QueryParam("name") String name,
            @HeaderParam("Content-Type") String contentType, byte[] content);

    /** The file with the API's Content-Type and Content-Disposition. */
    @GET
    @Path("tenants/{tenantId}/activities/{activityId}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response activityAttachment(@PathParam("tenantId") String tenantId,
            @PathParam("activityId") UUID activityId, @PathParam("attachmentId") UUID attachmentId);

    @DELETE
    @Path("tenants/{tenantId}/activities/{activityId}/attachments/{attachmentId}")
    void removeActivityAttachment(@PathParam("tenantId") String tenantId, @PathParam("activityId") UUID activityId,
            @PathParam("attachmentId") UUID attachmentId);

    // ---- national events (issue 15)

    @GET
    @Path("tenants/{tenantId}/national-events")
    List<NationalEvent> nationalEvents(@PathParam("tenantId") String tenantId, @QueryParam("limit") int limit);

    @POST
    @Path("tenants/{tenantId}/national-events/{eventId}/sign-ups")
    void signUpForNationalEvent(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId,
            java.util.Map<String, String> signUp);

    @POST
    @Path("tenants/{tenantId}/national-events/{eventId}/sign-ups/{signUpId}/cancellation")
    void cancelNationalSignUp(@PathParam("tenantId") String tenantId, @PathParam("eventId") UUID eventId,
            @PathParam("signUpId") UUID signUpId);
}
