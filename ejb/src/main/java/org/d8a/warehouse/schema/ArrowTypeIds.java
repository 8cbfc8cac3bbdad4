package org.d8a.warehouse.schema;

import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.UnionMode;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The arrow-go type ids ({@code STRING}, {@code INT64}, {@code DATE32}, ...) and unit names ({@code s}, {@code ms},
 * ...) that type-comparison messages name (spec/warehouses.md §1.5). Java's Arrow folds several Go ids into one type
 * with a width or unit, so the id is worked out from both.
 */
final class ArrowTypeIds {

    private ArrowTypeIds() {
    }

    static String of(ArrowType type) {
        return switch (type.getTypeID()) {
            case Null -> "NULL";
            case Bool -> "BOOL";
            case Int -> {
                ArrowType.Int integer = (ArrowType.Int) type;
                yield (integer.getIsSigned() ? "INT" : "UINT") + integer.getBitWidth();
            }
            case FloatingPoint -> {
                FloatingPointPrecision precision = ((ArrowType.FloatingPoint) type).getPrecision();
                yield switch (precision) {
                    case HALF -> "FLOAT16";
                    case SINGLE -> "FLOAT32";
                    case DOUBLE -> "FLOAT64";
                };
            }
            case Utf8 -> "STRING";
            case LargeUtf8 -> "LARGE_STRING";
            case Utf8View -> "STRING_VIEW";
            case Binary -> "BINARY";
            case LargeBinary -> "LARGE_BINARY";
            case BinaryView -> "BINARY_VIEW";
            case FixedSizeBinary -> "FIXED_SIZE_BINARY";
            case Date -> ((ArrowType.Date) type).getUnit() == DateUnit.DAY ? "DATE32" : "DATE64";
            case Time -> ((ArrowType.Time) type).getBitWidth() == 32 ? "TIME32" : "TIME64";
            case Timestamp -> "TIMESTAMP";
            case Duration -> "DURATION";
            case Interval -> switch (((ArrowType.Interval) type).getUnit()) {
                case YEAR_MONTH -> "INTERVAL_MONTHS";
                case DAY_TIME -> "INTERVAL_DAY_TIME";
                case MONTH_DAY_NANO -> "INTERVAL_MONTH_DAY_NANO";
            };
            case Decimal -> "DECIMAL" + ((ArrowType.Decimal) type).getBitWidth();
            case List -> "LIST";
            case LargeList -> "LARGE_LIST";
            case FixedSizeList -> "FIXED_SIZE_LIST";
            case Struct -> "STRUCT";
            case Map -> "MAP";
            case Union -> ((ArrowType.Union) type).getMode() == UnionMode.Sparse ? "SPARSE_UNION" : "DENSE_UNION";
            default -> type.getTypeID().name().toUpperCase(java.util.Locale.ROOT);
        };
    }

    /** arrow-go's short unit names, as in {@code timestamp units differ - expected: ns, actual: us}. */
    static String unit(TimeUnit unit) {
        return switch (unit) {
            case SECOND -> "s";
            case MILLISECOND -> "ms";
            case MICROSECOND -> "us";
            case NANOSECOND -> "ns";
        };
    }
}
