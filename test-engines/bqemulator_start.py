"""Starts bqemulator for the BigQuery tests: `bqemulator_start.py --rest-port N --grpc-port M --project P`.

Two start-up adaptations, neither touching what the emulator does with a request:

* The Java client sends PATCH (tables.patch, how a column is added) as a POST with `X-HTTP-Method-Override: PATCH`,
  because the JDK's HTTP connection has no PATCH; Google's front ends honour the header, bqemulator does not. An
  outermost middleware turns such a POST back into the method it names.
* bqemulator loads DuckDB's spatial extension (for GEOGRAPHY) at start-up, which DuckDB downloads from its own site; a
machine without that site, like CI's, could not start it at all. d8a writes no GEOGRAPHY column, so this starts the
emulator without spatial when the extension cannot be loaded, and says so.

Two fixes of bqemulator 1.4.0's Storage Write path, where it departs from BigQuery (and from its own tabledata
path, which gets both right):

* it builds the target table's Arrow schema without the sub-fields of RECORD columns, so any append to a table with
  a RECORD column (d8a's items, properties) fails with a DuckDB STRUCT cast error; the same schema is built here
  with the recursive projection its tabledata route uses;
* BigQuery needs `write_stream` only on the first AppendRows request of a connection, and the Java client sends it
  only there; the emulator re-resolves every request's (empty) stream name and answers NOT_FOUND from the second
  append on. Here an empty name keeps the connection's stream.

Everything else runs unchanged.
"""
import sys

from bqemulator import server
from bqemulator.api.routes import tabledata
from bqemulator.cli import main
from bqemulator.grpc_api import write_servicer
from bqemulator.storage import engine

_load_spatial = engine.DuckDBEngine._load_spatial


def _spatial_if_available(self):
    try:
        _load_spatial(self)
    except Exception as error:  # the emulator's own error type, raised when INSTALL spatial fails
        print(f"bqemulator_start: GEOGRAPHY unavailable ({type(error).__name__})", file=sys.stderr, flush=True)


engine.DuckDBEngine._load_spatial = _spatial_if_available


class _MethodOverride:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "POST":
            for name, value in scope["headers"]:
                if name == b"x-http-method-override":
                    scope = dict(scope, method=value.decode("ascii").upper())
                    break
        await self.app(scope, receive, send)


def _table_arrow_schema_with_sub_fields(table_meta):
    return tabledata._build_arrow_schema(tabledata._fields_raw_from_schema(table_meta.schema_.fields))


write_servicer._table_arrow_schema = _table_arrow_schema_with_sub_fields

_ensure_stream_bound = write_servicer.BigQueryWriteHandler._ensure_stream_bound


def _ensure_stream_bound_on_connection(self, stream_name, bound_ctx, context):
    if not stream_name and bound_ctx is not None:
        return bound_ctx
    return _ensure_stream_bound(self, stream_name, bound_ctx, context)


write_servicer.BigQueryWriteHandler._ensure_stream_bound = _ensure_stream_bound_on_connection

_create_app = server.create_app


def _create_app_with_method_override(context):
    app = _create_app(context)
    app.add_middleware(_MethodOverride)
    return app


server.create_app = _create_app_with_method_override

if __name__ == "__main__":
    sys.argv = ["bqemulator", "start", *sys.argv[1:]]
    sys.exit(main())
