package org.d8a.protocol.ga4.columns;

import static org.d8a.columns.ColumnFields.BOOL;
import static org.d8a.columns.ColumnFields.FLOAT64;
import static org.d8a.columns.ColumnFields.INT64;
import static org.d8a.columns.ColumnFields.UTF8;

import java.util.function.Function;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.d8a.columns.casts.Casts;

/** The casts of spec §2.1 a dedicated parameter column applies, with the Arrow type each produces. */
enum ParamCast {
    STR(UTF8, Casts::str),
    INT(INT64, Casts::int64),
    FLT(FLOAT64, Casts::float64),
    BOOL_(BOOL, Casts::bool);

    private final ArrowType type;
    private final Function<String, Object> cast;

    ParamCast(ArrowType type, Function<String, Object> cast) {
        this.type = type;
        this.cast = cast;
    }

    ArrowType type() {
        return type;
    }

    Object apply(String text) {
        return cast.apply(text);
    }
}
