package org.d8a.filters;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the top-level names of a filter expression: a whitelisted field is its value for the event (null stays
 * null), any other name is null. Properties of values ({@code ip_address.bytes}) and method calls are never resolved.
 */
final class FieldResolver extends ELResolver {

    private final Set<String> fields;
    private final Map<String, Object> values;

    FieldResolver(Set<String> fields, Map<String, Object> values) {
        this.fields = fields;
        this.values = values;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null) {
            context.setPropertyResolved(true);
            return property instanceof String name && fields.contains(name) ? values.get(name) : null;
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (base == null) {
            context.setPropertyResolved(true);
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        throw new PropertyNotWritableException("filter expressions cannot assign " + property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (base == null) {
            context.setPropertyResolved(true);
        }
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? String.class : null;
    }
}
