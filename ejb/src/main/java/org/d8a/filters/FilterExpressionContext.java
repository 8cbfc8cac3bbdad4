package org.d8a.filters;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.ValueExpression;
import jakarta.el.VariableMapper;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox filter expressions run in. Only the whitelisted fields resolve (to the event's values), only the
 * {@link FilterFunctions} can be called, and there is no bean, map, list, static-field or stream resolver, so an
 * expression cannot reach a Java object's methods or any class.
 */
final class FilterExpressionContext extends ELContext {

    private static final Map<String, Method> FUNCTIONS = functions();
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\(");
    private static final Set<String> OPERATOR_WORDS = Set.of("not", "and", "or", "empty", "div", "mod", "eq", "ne",
            "lt", "gt", "le", "ge");

    private final FieldResolver resolver;
    private final FunctionMapper functionMapper = new FunctionMapper() {
        @Override
        public Method resolveFunction(String prefix, String localName) {
            return prefix == null || prefix.isEmpty() ? FUNCTIONS.get(localName) : null;
        }
    };
    private final VariableMapper variableMapper = new VariableMapper() {
        private final Map<String, ValueExpression> variables = new HashMap<>();

        @Override
        public ValueExpression resolveVariable(String name) {
            return variables.get(name);
        }

        @Override
        public ValueExpression setVariable(String name, ValueExpression expression) {
            return variables.put(name, expression);
        }
    };

    FilterExpressionContext(Set<String> fields, Map<String, Object> values) {
        this.resolver = new FieldResolver(fields, values);
    }

    /**
     * The first function an expression calls that is not one of {@link FilterFunctions}. Expressly resolves
     * unprefixed functions only when it evaluates them, so they are checked here, when the filter is built.
     */
    static Optional<String> unknownFunction(String expression) {
        Matcher call = CALL.matcher(STRING_LITERAL.matcher(expression).replaceAll("''"));
        while (call.find()) {
            String name = call.group(1);
            if (!FUNCTIONS.containsKey(name) && !OPERATOR_WORDS.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    static Set<String> functionNames() {
        return new TreeSet<>(FUNCTIONS.keySet());
    }

    private static Map<String, Method> functions() {
        Map<String, Method> functions = new HashMap<>();
        for (Method method : FilterFunctions.class.getMethods()) {
            if (method.getDeclaringClass() == FilterFunctions.class) {
                functions.put(method.getName(), method);
            }
        }
        return Map.copyOf(functions);
    }

    @Override
    public ELResolver getELResolver() {
        return resolver;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
        return functionMapper;
    }

    @Override
    public VariableMapper getVariableMapper() {
        return variableMapper;
    }
}
