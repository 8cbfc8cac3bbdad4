package org.d8a.filters;

import jakarta.el.ELException;
import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.d8a.properties.FilterCondition;
import org.d8a.properties.FilterRules;
import org.d8a.sessions.Event;
import org.d8a.sessions.Session;

/**
 * A property's traffic filter (spec/pipeline.md §5.5) with Jakarta EL expressions over the configured event fields:
 * matching active exclude conditions remove events, active allow conditions (when there are any) keep only the events
 * they match, and matching test-mode conditions only name themselves in {@code traffic_filter_name}. A condition whose
 * evaluation fails or is not boolean is ignored for that event, with a warning.
 *
 * <p>Field values are their text, as in the reference: a field the event has no value for at all reads as {@code ""}.
 * A field present with a null value is EL {@code null} rather than the reference's text {@code <nil>} (deliberate fix):
 * {@code user_id == null} means what it says. Names outside {@code filters.fields} are null (the reference's
 * undefined variables are nil).</p>
 */
public final class TrafficFilter {

    private static final Logger LOG = Logger.getLogger(TrafficFilter.class.getName());
    /** No conditions: every event is kept. */
    public static final TrafficFilter NONE = of(FilterRules.NONE);

    private final Set<String> fields;
    private final List<Compiled> conditions = new ArrayList<>();
    private final boolean anyActiveAllow;

    private record Compiled(FilterCondition condition, ValueExpression expression) {
    }

    /**
     * @throws IllegalArgumentException naming the condition whose expression does not compile
     */
    public TrafficFilter(List<String> fields, List<FilterCondition> conditions) {
        this.fields = Set.copyOf(new LinkedHashSet<>(fields));
        ExpressionFactory factory = conditions.isEmpty() ? null : ExpressionFactory.newInstance();
        FilterExpressionContext compileContext = new FilterExpressionContext(this.fields, Map.of());
        for (FilterCondition condition : conditions) {
            FilterExpressionContext.unknownFunction(condition.expression()).ifPresent(function -> {
                throw new IllegalArgumentException("traffic filter condition " + condition.name()
                        + ": invalid expression " + condition.expression() + ": unknown function " + function
                        + " (available: " + String.join(", ", FilterExpressionContext.functionNames()) + ")");
            });
            try {
                this.conditions.add(new Compiled(condition, factory.createValueExpression(compileContext,
                        "${" + condition.expression() + "}", Object.class)));
            } catch (ELException | NullPointerException e) {
                throw new IllegalArgumentException("traffic filter condition " + condition.name()
                        + ": invalid expression " + condition.expression() + ": " + e.getMessage(), e);
            }
        }
        this.anyActiveAllow = conditions.stream().anyMatch(c -> !c.testMode() && !c.exclude());
    }

    /**
     * @throws IllegalArgumentException naming the condition whose expression does not compile
     */
    public static TrafficFilter of(FilterRules rules) {
        return new TrafficFilter(rules.fields(), rules.conditions());
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    public List<String> fields() {
        return List.copyOf(fields);
    }

    /** The conditions, in evaluation order. */
    public List<FilterCondition> conditions() {
        return conditions.stream().map(Compiled::condition).toList();
    }

    /** The session without the events the filter removes; null when it removes them all. */
    public Session apply(Session session) {
        List<Event> kept = new ArrayList<>();
        for (Event event : session.events()) {
            if (keeps(event)) {
                kept.add(event);
            }
        }
        return kept.isEmpty() ? null : new Session(session.property(), kept);
    }

    private boolean keeps(Event event) {
        FilterExpressionContext context = new FilterExpressionContext(fields, variables(event));
        boolean excluded = false;
        boolean allowed = false;
        for (Compiled compiled : conditions) {
            if (!matches(compiled, context, event)) {
                continue;
            }
            FilterCondition condition = compiled.condition();
            if (condition.testMode()) {
                event.setTrafficFilterName(condition.name());
            } else if (condition.exclude()) {
                excluded = true;
            } else {
                allowed = true;
            }
        }
        return !excluded && (!anyActiveAllow || allowed);
    }

    private static boolean matches(Compiled compiled, FilterExpressionContext context, Event event) {
        try {
            Object result = compiled.expression().getValue(context);
            if (result instanceof Boolean matched) {
                return matched;
            }
            LOG.warning(() -> "traffic filter condition " + compiled.condition().name() + " gave " + result
                    + " instead of true or false for event " + event.hit().getId() + "; ignored");
        } catch (ELException | ArithmeticException e) {
            LOG.warning(() -> "traffic filter condition " + compiled.condition().name() + " failed for event "
                    + event.hit().getId() + ": " + e.getMessage() + "; ignored");
        }
        return false;
    }

    private Map<String, Object> variables(Event event) {
        Map<String, Object> variables = new HashMap<>();
        for (String field : fields) {
            if (!event.values().containsKey(field)) {
                variables.put(field, "");
                continue;
            }
            Object value = event.values().get(field);
            variables.put(field, value == null ? null : text(value));
        }
        return variables;
    }

    private static String text(Object value) {
        return value instanceof Instant instant ? instant.toString() : value.toString();
    }
}
