# The Led platform's two commands. A JDK 17+ is the only prerequisite: Maven comes through
# ./mvnw, and deploy/local/stack.sh fetches PostgreSQL, Kafka and Keycloak on first use.

MVN ?= ./mvnw
STACK := deploy/local/stack.sh

.PHONY: run test chaos bench build stack-start stack-stop stack-status clean

## run: build, start the local stack and all six applications; Ctrl-C stops everything
run:
	@deploy/local/run-platform.sh

## test: check the scripts (shellcheck) and that no private key is committed, then start the
## stack once, run every module's tests against it, always stop it
test:
	@deploy/check-repository.sh
	@deploy/local/with-stack.sh $(MVN) -B verify

## chaos: the long fault suite (e2e ChaosIT, LED_CHAOS_FAULTS faults, 12 unless set; LED_CHAOS_SEED repeats a run)
chaos:
	@LED_CHAOS_FAULTS=$${LED_CHAOS_FAULTS:-12} deploy/local/with-stack.sh $(MVN) -B verify -pl e2e -am \
		-Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ChaosIT -Dfailsafe.failIfNoSpecifiedTests=false

## bench: run the benchmarks against the local stack (own ports) and write bench/results/<date>.md
bench:
	@bench/run.sh

## build: compile and package every application without running tests
build:
	$(MVN) -B -q package -DskipTests

stack-start:
	@$(STACK) start

stack-stop:
	@$(STACK) stop

stack-status:
	@$(STACK) status

clean:
	$(MVN) -B -q clean
