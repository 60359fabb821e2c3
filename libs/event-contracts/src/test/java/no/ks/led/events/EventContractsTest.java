package no.ks.led.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

/** Keeps each contract record and its JSON Schema in step, so consumers can trust the schema. */
class EventContractsTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyContractHasASchemaThatMatchesItsRecord() throws Exception {
        for (Class<? extends Record> contract : EventContracts.ALL) {
            JsonNode schema = readSchema(contract);
            Set<String> components = Arrays.stream(contract.getRecordComponents())
                    .map(RecordComponent::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> properties = new TreeSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> required = StreamSupport.stream(schema.get("required").spliterator(), false)
                    .map(JsonNode::asText)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(components, properties, contract.getSimpleName() + ": schema properties differ from the record");
            assertEquals(components, required, contract.getSimpleName() + ": every record component must be required");
            assertEquals(false, schema.get("additionalProperties").asBoolean(true),
                    contract.getSimpleName() + ": the schema must reject unknown fields");
        }
    }

    @Test
    void aSerialisedInstanceOfEveryContractValidatesAgainstItsSchema() throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        for (Class<? extends Record> contract : EventContracts.ALL) {
            JsonSchema schema = factory.getSchema(readSchema(contract));
            JsonNode instance = json.valueToTree(sample(contract, readSchema(contract)));
            Set<ValidationMessage> errors = schema.validate(instance);
            assertTrue(errors.isEmpty(), contract.getSimpleName() + ": " + errors);
        }
    }

    @Test
    void typesAndTopicsFollowTheNamingRule() {
        Set<String> types = new HashSet<>();
        for (Class<? extends Record> contract : EventContracts.ALL) {
            String type = EventContracts.type(contract);
            // past tense: regular (SurveyRoundOpened) or an irregular participle in -n (ResultsWithdrawn)
            assertTrue(type.matches("no\\.ks\\.led\\.[a-z]+\\.[A-Z][A-Za-z]+(ed|n)\\.v[1-9][0-9]*"), type);
            assertTrue(EventContracts.topic(contract).matches("led\\.[a-z]+\\.events"));
            assertTrue(types.add(type), "type listed twice: " + type);
        }
        assertEquals("no.ks.led.programmes.ProgrammeCreated.v1",
                EventContracts.type(no.ks.led.events.programmes.ProgrammeCreated.class));
    }

    private JsonNode readSchema(Class<?> contract) throws Exception {
        try (InputStream in = contract.getResourceAsStream(EventContracts.schemaResource(contract))) {
            assertNotNull(in, "missing schema " + EventContracts.schemaResource(contract));
            return json.readTree(in);
        }
    }

    private static Object sample(Class<? extends Record> contract, JsonNode schema) throws Exception {
        RecordComponent[] components = contract.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(components[i].getGenericType(), schema.get("properties").get(components[i].getName()));
        }
        return contract.getDeclaredConstructor(types).newInstance(values);
    }

    /** A valid value for a component, guided by its schema where a plain string would not do. */
    @SuppressWarnings("unchecked")
    private static Object sampleValue(Type generic, JsonNode property) throws Exception {
        Class<?> type = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (type == java.util.List.class && generic instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            // a list of nested records: one element, sampled against the schema of the array's items
            return java.util.List.of(sample((Class<? extends Record>) element, property.get("items")));
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == String.class) {
            if (property != null && property.has("enum")) {
                return property.get("enum").get(0).asText();
            }
            if (property != null && property.path("pattern").asText().contains("[0-9]{9}")) {
                return "934567897";
            }
            if (property != null && property.path("pattern").asText().equals("^[0-9]{6}$")) {
                // a nullable Danish number beside a Norwegian one: the sample is a Norwegian school
                return property.path("type").isArray() ? null : "123456";
            }
            return "fjordvik";
        } else if (type == Instant.class) {
            return Instant.parse("2026-11-22T10:15:30Z");
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 22);
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class || type == Long.class) {
            return 1L;
        } else if (type == BigDecimal.class) {
            return new BigDecimal("3.50");
        } else if (type == boolean.class || type == Boolean.class) {
            return true;
        } else if (type == java.util.List.class && property != null && property.path("items").has("enum")) {
            // a list of names from a fixed vocabulary (ProgrammeTailored.changedParts)
            return java.util.List.of(property.get("items").get("enum").get(0).asText());
        } else if (type == java.util.List.class) {
            return java.util.List.of(UUID.randomUUID());
        }
        throw new IllegalArgumentException("add a sample value for " + type);
    }
}
