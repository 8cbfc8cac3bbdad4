package org.d8a.hits;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** The one wire and storage form of hits (JSON), shared by the queue, the proto-session store and the spool. */
public final class HitCodec {

    private static final Type HIT_LIST = new ArrayList<Hit>() { }.getClass().getGenericSuperclass();
    private static final Jsonb JSONB = JsonbBuilder.create();

    private HitCodec() {
    }

    public static String encode(Hit hit) {
        return JSONB.toJson(hit);
    }

    public static Hit decode(String json) {
        return JSONB.fromJson(json, Hit.class);
    }

    public static String encodeAll(List<Hit> hits) {
        return JSONB.toJson(hits, HIT_LIST);
    }

    public static List<Hit> decodeAll(String json) {
        return JSONB.fromJson(json, HIT_LIST);
    }
}
