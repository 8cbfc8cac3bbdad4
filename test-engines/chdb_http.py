#!/usr/bin/env python3
"""Test-only: serves an embedded ClickHouse engine (chDB) over the part of ClickHouse's HTTP interface that the
official Java client (JDBC v2 / client-v2) uses, so the ClickHouse warehouse driver is tested against the real SQL
engine, its DDL, type system, system.columns and error codes.

    python chdb_http.py --data DIR [--port N] [--log FILE]

Prints "listening on <port>" once it accepts connections (port 0 picks a free one).

What it implements, as ClickHouse's HTTP server does:
  * GET/HEAD /ping and / -> "Ok."
  * the query from the `query` URL parameter and/or the request body (query parameter first, then the body, the way
    ClickHouse joins them, so `INSERT ... FORMAT X` in the URL takes its data from the body);
  * `database` (the statement runs with that current database), `default_format` / X-ClickHouse-Format (format of a
    statement without a FORMAT clause; TabSeparated otherwise), `query_id` / X-ClickHouse-Query-Id;
  * every other URL parameter is a setting for this statement only: SET before, reset to DEFAULT after, so a setting
    the client forgets to send is really missing (an unknown setting fails like on a server);
  * request bodies sent chunked, or with Content-Encoding gzip/deflate; gzip/deflate responses when the client
    asks with enable_http_compression=1 and Accept-Encoding;
  * response headers X-ClickHouse-Query-Id, -Format, -Timezone, -Server-Display-Name, -Summary (with the rows
    chDB reports as written/read);
  * errors: HTTP 500 (404 for unknown table/database, 400 for syntax errors), header X-ClickHouse-Exception-Code,
    body "Code: N. DB::Exception: ... (version V)".

  * ClickHouse's own compressed block framing, which the JDBC driver uses by default: decompress=1 (the request body
    is a sequence of blocks) and compress=1 (so is the response). A block is a 16-byte CityHash128 (v1.0.2) checksum
    of what follows, a method byte (0x82 LZ4, 0x02 none), the block's size with its 9-byte header and the size of
    its data uncompressed (both 32-bit little endian), then the data; a wrong checksum is refused, as by ClickHouse.

What it does not implement: ZSTD blocks (method 0x90), sessions (session_id), query cancellation, progress headers,
external tables, parameterised queries ({name:Type} with param_* URL parameters), authentication (any user/password
is accepted), TLS.

All statements go through one chDB session (chDB is not thread safe): requests are served by threads but run one at
a time, on the data directory given with --data, which therefore keeps its tables between runs.
"""
import argparse
import gzip
import json
import re
import sys
import threading
import time
import uuid
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import lz4.block
from chdb import session as chdb_session
from clickhouse_cityhash.cityhash import CityHash128

# URL parameters that are part of the HTTP protocol rather than settings.
PROTOCOL_PARAMS = {"query", "database", "default_format", "query_id", "user", "password", "quota_key", "compress",
                   "decompress", "session_id", "session_timeout", "session_check", "buffer_size", "wait_end_of_query",
                   "role", "client_protocol_version"}
CODE = re.compile(r"Code: (\d+)\.")
SETTING_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
LZ4, NONE = 0x82, 0x02
BLOCK_HEADER = 9
BLOCK_SIZE = 1 << 20


def checksum(block):
    # The binding returns the hash as one integer whose high 64 bits are the first half ClickHouse writes.
    value = CityHash128(block)
    return ((value >> 64) & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little") + (value & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")


def decompress_blocks(body):
    """The data of a ClickHouse compressed stream; raises ValueError on a damaged one."""
    data = bytearray()
    position = 0
    while position < len(body):
        expected = body[position:position + 16]
        header = body[position + 16:position + 16 + BLOCK_HEADER]
        if len(header) < BLOCK_HEADER:
            raise ValueError("truncated compressed block")
        method = header[0]
        size = int.from_bytes(header[1:5], "little")
        plain_size = int.from_bytes(header[5:9], "little")
        block = body[position + 16:position + 16 + size]
        if len(block) < size or checksum(block) != expected:
            raise ValueError("checksum doesn't match: corrupted data")
        payload = block[BLOCK_HEADER:]
        if method == LZ4:
            data += lz4.block.decompress(payload, uncompressed_size=plain_size)
        elif method == NONE:
            data += payload
        else:
            raise ValueError("unknown compression method 0x%02x" % method)
        position += 16 + size
    return bytes(data)


def compress_blocks(data):
    out = bytearray()
    for start in range(0, max(len(data), 1), BLOCK_SIZE):
        plain = data[start:start + BLOCK_SIZE]
        payload = lz4.block.compress(plain, store_size=False)
        block = bytes([LZ4]) + (BLOCK_HEADER + len(payload)).to_bytes(4, "little") \
            + len(plain).to_bytes(4, "little") + payload
        out += checksum(block) + block
    return bytes(out)


class Engine:
    def __init__(self, data_dir):
        self.lock = threading.Lock()
        self.session = chdb_session.Session(data_dir)
        self.version = self.session.query("SELECT version()", "TabSeparated").bytes().decode().strip()
        self.timezone = self.session.query("SELECT timezone()", "TabSeparated").bytes().decode().strip()

    def run(self, sql, fmt, database, settings):
        """Runs one statement; returns the chDB result. Raises the chDB error (its text is ClickHouse's)."""
        with self.lock:
            applied = []
            try:
                for name, value in settings.items():
                    self.session.query("SET " + name + " = " + literal(value))
                    applied.append(name)
                if database:
                    self.session.query("USE " + quote_identifier(database))
                return self.session.query(sql, fmt)
            finally:
                for name in applied:
                    self.session.query("SET " + name + " = DEFAULT")
                self.session.query("USE default")


def literal(value):
    if re.fullmatch(r"-?\d+(\.\d+)?", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def quote_identifier(name):
    return "`" + name.replace("`", "``") + "`"


def http_status(code):
    if code in (60, 81):  # UNKNOWN_TABLE, UNKNOWN_DATABASE
        return 404
    if code == 62:  # SYNTAX_ERROR
        return 400
    return 500


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    engine = None
    log_file = None

    def log_message(self, fmt, *args):
        if self.log_file:
            self.log_file.write("%s %s\n" % (time.strftime("%H:%M:%S"), fmt % args))
            self.log_file.flush()

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = urlsplit(self.path).path
        params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
        if path in ("/ping", "/") and "query" not in params:
            self.reply(200, b"Ok.\n", {"Content-Type": "text/plain; charset=UTF-8"})
            return
        self.handle_query(params, b"")

    def do_POST(self):
        params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
        self.handle_query(params, self.read_body())

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = bytearray()
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    break
                body += self.rfile.read(size)
                self.rfile.readline()
            body = bytes(body)
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        encoding = self.headers.get("Content-Encoding", "").lower()
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding not in ("", "identity"):
            raise ValueError("Content-Encoding " + encoding + " is not supported by the chDB adapter")
        return body

    def handle_query(self, params, body):
        query_id = params.get("query_id") or self.headers.get("X-ClickHouse-Query-Id") or str(uuid.uuid4())
        self.log_message("query params=%s headers=%s body=%r", params,
                         {k: v for k, v in self.headers.items() if k.lower().startswith("x-clickhouse")
                          or k.lower() in ("content-encoding", "accept-encoding", "content-type")}, body[:2000])
        if params.get("decompress") == "1" and body:
            try:
                body = decompress_blocks(body)
            except ValueError as e:
                self.error(query_id, 40, "Code: 40. DB::Exception: " + str(e) + ". (CHECKSUM_DOESNT_MATCH)")
                return
        sql = params.get("query", "")
        if body:
            sql = (sql + "\n" if sql else "") + body.decode("utf-8", "surrogateescape")
        fmt = params.get("default_format") or self.headers.get("X-ClickHouse-Format") or "TabSeparated"
        settings = {k: v for k, v in params.items()
                    if k not in PROTOCOL_PARAMS and not k.startswith("param_") and SETTING_NAME.match(k)}
        compress_response = settings.pop("enable_http_compression", "0") == "1"
        database = params.get("database") or self.headers.get("X-ClickHouse-Database")
        try:
            result = self.engine.run(sql, fmt, database, settings)
        except Exception as e:  # chDB raises its own error type whose text is ClickHouse's exception text
            text = str(e).strip()
            match = CODE.search(text)
            code = int(match.group(1)) if match else 1001
            if not match:
                text = "Code: 1001. DB::Exception: " + text
            self.error(query_id, code, text)
            return
        data = result.bytes()
        summary = {"read_rows": str(result.rows_read()), "read_bytes": str(result.bytes_read()),
                   "written_rows": str(result.rows_written()), "written_bytes": str(result.bytes_written()),
                   "total_rows_to_read": "0", "result_rows": "0", "result_bytes": str(len(data)),
                   "elapsed_ns": str(int(result.elapsed() * 1e9))}
        headers = {"Content-Type": "application/octet-stream", "X-ClickHouse-Format": fmt,
                   "X-ClickHouse-Summary": json.dumps(summary, separators=(",", ":"))}
        accept = self.headers.get("Accept-Encoding", "").lower()
        if params.get("compress") == "1":
            data = compress_blocks(data)
        elif compress_response and "gzip" in accept:
            data = gzip.compress(data)
            headers["Content-Encoding"] = "gzip"
        elif compress_response and "deflate" in accept:
            data = zlib.compress(data)
            headers["Content-Encoding"] = "deflate"
        self.reply(200, data, headers, query_id)

    def error(self, query_id, code, text):
        self.log_message("error %d: %s", code, text)
        body = (text + " (version " + self.engine.version + ")\n").encode()
        self.reply(http_status(code), body, {"Content-Type": "text/plain; charset=UTF-8",
                                             "X-ClickHouse-Exception-Code": str(code)}, query_id)

    def reply(self, status, data, headers, query_id=None):
        self.send_response(status)
        if query_id:
            self.send_header("X-ClickHouse-Query-Id", query_id)
        self.send_header("X-ClickHouse-Server-Display-Name", "chdb")
        self.send_header("X-ClickHouse-Timezone", self.engine.timezone)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="chDB data directory (kept between runs)")
    parser.add_argument("--port", type=int, default=0, help="TCP port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--log", help="file that receives one line per request (what the client sent)")
    args = parser.parse_args()
    Handler.engine = Engine(args.data)
    Handler.log_file = open(args.log, "a") if args.log else None
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print("listening on %d (ClickHouse %s)" % (server.server_address[1], Handler.engine.version), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    sys.exit(main())
