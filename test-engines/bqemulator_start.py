"""Starts bqemulator for the BigQuery tests: `bqemulator_start.py --rest-port N --grpc-port M --project P`.

Two start-up adaptations, neither touching what the emulator does with a request:

* The Java client sends PATCH (tables.patch, how a column is added) as a POST with `X-HTTP-Method-Override: PATCH`,
  because the JDK's HTTP connection has no PATCH; Google's front ends honour the header, bqemulator does not. An
  outermost middleware turns such a POST back into the method it names.
* bqemulator loads DuckDB's spatial extension (for GEOGRAPHY) at start-up, which DuckDB downloads from its own site; a
machine without that site, like CI's, could not start it at all. d8a writes no GEOGRAPHY column, so this starts the
emulator without spatial when the extension cannot be loaded, and says so.

Three fixes of bqemulator 1.4.0's Storage Write path, where it departs from BigQuery (and, for the first two, from
its own tabledata path, which gets both right):

* it builds the target table's Arrow schema without the sub-fields of RECORD columns, so any append to a table with
  a RECORD column (d8a's items, properties) fails with a DuckDB STRUCT cast error; the same schema is built here
  with the recursive projection its tabledata route uses;
* BigQuery needs `write_stream` only on the first AppendRows request of a connection, and the Java client sends it
  only there; the emulator re-resolves every request's (empty) stream name and answers NOT_FOUND from the second
  append on. Here an empty name keeps the connection's stream;
* BatchCommitWriteStreams of a stream committed before answers INVALID_STREAM_STATE where BigQuery answers
  STREAM_ALREADY_COMMITTED, the code by which a client that commits again after a crash knows its rows are in (d8a's
  staged deliveries do). Here such a stream gets that code.

Two fixes of its REST path, where it departs from BigQuery:

* a load job started by an upload (how the Java client loads NDJSON) gets a random job id, not the `jobReference`
  the client sent, so a client cannot find its own job again by id (d8a's exactly-once loads do); here the client's id
  is used when it sends one;
* `tables.patch` and `tables.update` change the table's schema in the catalog only, so rows of a column added that
  way cannot be stored and tabledata.list answers rows shorter than the schema; here the new top-level columns are
  added to the DuckDB table as well, before the answer is sent.

Everything else runs unchanged.
"""
import contextvars
import re
import sys

from bqemulator import server
from bqemulator.api.routes import tabledata, tables, upload
from bqemulator.cli import main
from bqemulator.grpc_api import write_servicer
from bqemulator.streaming.write_stream import WriteStreamState
from bqemulator.storage import engine
from bqemulator.storage.sql_identifiers import quoted_table_ref
from bqemulator.storage.type_map import bq_schema_to_duckdb_columns

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

_batch_commit = write_servicer.BigQueryWriteHandler._handle_batch_commit_write_streams


def _batch_commit_naming_committed_streams(self, request_bytes, context):
    from google.cloud.bigquery_storage_v1 import types

    request = types.BatchCommitWriteStreamsRequest.deserialize(request_bytes)
    committed = []
    for name in request.write_streams:
        stream = self._manager.get(name)
        if stream is not None and stream.state is WriteStreamState.COMMITTED:
            committed.append(name)
    if not committed:
        return _batch_commit(self, request_bytes, context)
    errors = [types.StorageError(code=types.StorageError.StorageErrorCode.STREAM_ALREADY_COMMITTED, entity=name,
                                 error_message=f"Stream is already committed: {name}") for name in committed]
    return types.BatchCommitWriteStreamsResponse.serialize(
        types.BatchCommitWriteStreamsResponse(commit_time=None, stream_errors=errors))


write_servicer.BigQueryWriteHandler._handle_batch_commit_write_streams = _batch_commit_naming_committed_streams

_CLIENT_JOB_ID = "_d8aClientJobId"
_client_job_id = contextvars.ContextVar("client_job_id", default=None)
_load_configuration = upload._load_configuration_from_envelope
_new_job_id = upload._new_job_id
_run_load = upload._run_load


def _configuration_keeping_job_id(envelope):
    configuration = dict(_load_configuration(envelope))
    job_id = (envelope.get("jobReference") or {}).get("jobId")
    if job_id:
        configuration[_CLIENT_JOB_ID] = job_id
    return configuration


def _client_or_new_job_id():
    return _client_job_id.get() or _new_job_id()


async def _run_load_with_client_job_id(*, project_id, configuration, media_path, ctx):
    configuration = dict(configuration)
    _client_job_id.set(configuration.pop(_CLIENT_JOB_ID, None))
    return await _run_load(project_id=project_id, configuration=configuration, media_path=media_path, ctx=ctx)


upload._load_configuration_from_envelope = _configuration_keeping_job_id
upload._new_job_id = _client_or_new_job_id
upload._run_load = _run_load_with_client_job_id

_TABLE_PATH = re.compile(r"/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)$")


class _AddedColumnsStored:
    def __init__(self, app, context):
        self.app = app
        self.context = context

    async def __call__(self, scope, receive, send):
        match = _TABLE_PATH.search(scope.get("path", "")) if scope["type"] == "http" else None
        if match is None or scope["method"] not in ("PATCH", "PUT"):
            await self.app(scope, receive, send)
            return
        project, dataset, table = match.groups()
        existing = self.context.catalog.get_table(project, dataset, table)
        answer = []

        async def hold(message):
            answer.append(message)

        await self.app(scope, receive, hold)
        if existing is not None and answer and answer[0].get("status") == 200:
            before = {field.name for field in existing.schema_.fields}
            updated = self.context.catalog.get_table(project, dataset, table)
            added = [tables._field_to_rest(field) for field in updated.schema_.fields if field.name not in before]
            if added:
                ref = quoted_table_ref(project, dataset, table)
                async with self.context.engine.write_lock():
                    for name, duckdb_type in bq_schema_to_duckdb_columns(added):
                        self.context.engine.execute(f'ALTER TABLE {ref} ADD COLUMN "{name}" {duckdb_type}')
        for message in answer:
            await send(message)


_create_app = server.create_app


def _create_app_with_method_override(context):
    app = _create_app(context)
    # the last added runs first: the method is restored before the schema change is looked at
    app.add_middleware(_AddedColumnsStored, context=context)
    app.add_middleware(_MethodOverride)
    return app


server.create_app = _create_app_with_method_override

if __name__ == "__main__":
    sys.argv = ["bqemulator", "start", *sys.argv[1:]]
    sys.exit(main())
