package org.d8a.warehouse.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Compares an existing column's Arrow type with the schema's (spec/warehouses.md §1.5), for every warehouse that reads
 * its columns back as Arrow fields. Types only: field metadata (LowCardinality, codec, description) never counts, and
 * the nullability of the compared fields themselves is each driver's own rule; the nullability of struct members does
 * count.
 */
public final class TypeComparer {

    /**
     * A warehouse's widening rule, consulted before the strict comparison at every level (inside lists and structs
     * too).
     */
    @FunctionalInterface
    public interface Rule {

        /**
         * @return empty when the rule does not apply to these types; {@code true} ends the comparison as equal,
         *         {@code false} lets the strict comparison decide
         */
        Optional<Boolean> compatible(ArrowType expected, ArrowType actual);
    }

    /**
     * @param typePath the path the comparison was asked about; where exactly the types differ is in {@code message}
     * @param message empty when the types are equal
     */
    public record Result(boolean equal, String typePath, String message) {
    }

    private final List<Rule> rules;

    private TypeComparer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No widening: every difference counts (ClickHouse). */
    public static TypeComparer strict() {
        return new TypeComparer(List.of());
    }

    public static TypeComparer withRules(List<Rule> rules) {
        return new TypeComparer(rules);
    }

    /**
     * @param expected the existing column (read back from the warehouse)
     * @param actual the schema's field
     */
    public Result compare(Field expected, Field actual, String path) {
        String difference = difference(expected, actual, path);
        return new Result(difference == null, path, difference == null ? "" : difference);
    }

    private String difference(Field expected, Field actual, String path) {
        ArrowType e = expected.getType();
        ArrowType a = actual.getType();
        for (Rule rule : rules) {
            Optional<Boolean> decision = rule.compatible(e, a);
            if (decision.isPresent()) {
                if (decision.get()) {
                    return null;
                }
                break;
            }
        }
        String expectedId = ArrowTypeIds.of(e);
        String actualId = ArrowTypeIds.of(a);
        if (!expectedId.equals(actualId)) {
            return path + ": type IDs differ - expected: " + expectedId + ", actual: " + actualId;
        }
        return switch (e.getTypeID()) {
            case List -> difference(expected.getChildren().get(0), actual.getChildren().get(0),
                    path + "[LIST_ELEMENT]");
            case Struct -> structDifference(expected.getChildren(), actual.getChildren(), path);
            case Timestamp -> timestampDifference((ArrowType.Timestamp) e, (ArrowType.Timestamp) a, path);
            default -> e.equals(a) ? null
                    : path + ": type string representations differ - expected: " + e + ", actual: " + a;
        };
    }

    private String structDifference(List<Field> expected, List<Field> actual, String path) {
        if (expected.size() != actual.size()) {
            return path + ": struct field counts differ - expected: " + expected.size() + ", actual: "
                    + actual.size();
        }
        // Field order matters: ClickHouse's Nested and BigQuery's RECORD are positional.
        for (int i = 0; i < expected.size(); i++) {
            Field e = expected.get(i);
            Field a = actual.get(i);
            String member = path + ".STRUCT[" + i + "]";
            if (!e.getName().equals(a.getName())) {
                return member + ": field names differ - expected: " + e.getName() + ", actual: " + a.getName();
            }
            if (e.isNullable() != a.isNullable()) {
                return member + "." + e.getName() + ": nullability differs - expected: " + e.isNullable()
                        + ", actual: " + a.isNullable();
            }
            String difference = difference(e, a, member + "." + e.getName());
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private static String timestampDifference(ArrowType.Timestamp e, ArrowType.Timestamp a, String path) {
        if (e.getUnit() != a.getUnit()) {
            return path + ": timestamp units differ - expected: " + ArrowTypeIds.unit(e.getUnit()) + ", actual: "
                    + ArrowTypeIds.unit(a.getUnit());
        }
        String expectedZone = Objects.toString(e.getTimezone(), "");
        String actualZone = Objects.toString(a.getTimezone(), "");
        if (!expectedZone.equals(actualZone)) {
            return path + ": timestamp timezones differ - expected: " + expectedZone + ", actual: " + actualZone;
        }
        return null;
    }
}
