"""An independent AppSync Events client for the emulator's contract tests (emulator/test/push-protocol.test.ts).

It follows the protocol as AWS documents it, with nothing from the emulator: the WebSocket is the standard library's
socket with RFC 6455 framing written out here, and every signature is botocore's SigV4 (service appsync) of a
POST https://<http host>/event with the documented headers and body ({} to connect, {"channel":…} to subscribe,
{"channel":…,"events":[…]} to publish).

Driven over stdin/stdout: one JSON command per line in, exactly one JSON answer per line out, in order. One
process serves a whole test file: every command names its "client" (any string), and each client is its own
connection with its own state, so Python and botocore start once per file rather than once per connection.
  {"op":"connect","url":"ws://127.0.0.1:N/event/realtime","host":"127.0.0.1:N","region":"us-east-1","creds":{…},
   "tamper":false,"subprotocols":null}
  {"op":"send","msg":{…}}                          a message as given
  {"op":"subscribe","id":…,"channel":…,"creds":{…}?,"region":…?,"tamper":false}
  {"op":"publish","id":…,"channel":…,"events":[…]}
  {"op":"recv","timeout":2.0}                       the next message, {"closed":code} or {"timeout":true}
  {"op":"http_publish","channel":…,"events":[…]}    POST /event, signed
  {"op":"close"}                                   closes this client's socket and forgets the client
"""
import base64
import hashlib
import json
import os
import socket
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
clients = {}


def new_state():
    return {"sock": None, "buf": b"", "host": None, "region": None, "creds": None}


def sign(body, creds, host, region, tamper=False):
    """The headers of a SigV4-signed POST /event with `body`, as the protocol puts them in `authorization`."""
    headers = {
        "accept": "application/json, text/javascript",
        "content-encoding": "amz-1.0",
        "content-type": "application/json; charset=UTF-8",
        "host": host,
    }
    req = AWSRequest(method="POST", url="http://%s/event" % host, data=body.encode(), headers=headers)
    SigV4Auth(Credentials(creds["accessKeyId"], creds["secretAccessKey"], creds.get("sessionToken")), "appsync", region).add_auth(req)
    out = dict(req.headers.items())
    if tamper:
        # One hex digit of the signature changed: a signature that no longer matches what was signed.
        auth = out["Authorization"]
        out["Authorization"] = auth[:-1] + ("0" if auth[-1] != "0" else "1")
    return out


def compact(obj):
    # JSON.stringify's form: the server checks the signature over exactly these bytes.
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def send_frame(state, opcode, payload):
    mask = os.urandom(4)
    head = bytes([0x80 | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([0x80 | n])
    elif n < 65536:
        head += bytes([0x80 | 126]) + struct.pack("!H", n)
    else:
        head += bytes([0x80 | 127]) + struct.pack("!Q", n)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    state["sock"].sendall(head + mask + masked)


def read_exact(state, n):
    while len(state["buf"]) < n:
        chunk = state["sock"].recv(65536)
        if not chunk:
            raise ConnectionError("socket closed")
        state["buf"] += chunk
    out, state["buf"] = state["buf"][:n], state["buf"][n:]
    return out


def recv_frame(state):
    """One whole message: (opcode, payload); control frames are returned as they come."""
    data, first_op = b"", None
    while True:
        b0, b1 = read_exact(state, 2)
        fin, opcode, n = b0 & 0x80, b0 & 0x0F, b1 & 0x7F
        if b1 & 0x80:
            raise ValueError("a server frame must not be masked")
        if n == 126:
            n = struct.unpack("!H", read_exact(state, 2))[0]
        elif n == 127:
            n = struct.unpack("!Q", read_exact(state, 8))[0]
        payload = read_exact(state, n)
        if opcode >= 0x8:
            return opcode, payload
        if first_op is None:
            first_op = opcode
        data += payload
        if fin:
            return first_op, data


def connect(state, cmd):
    url = urllib.parse.urlsplit(cmd["url"])
    state.update(host=cmd["host"], region=cmd["region"], creds=cmd["creds"], buf=b"")
    protocols = cmd.get("subprotocols")
    if protocols is None:
        signed = sign("{}", cmd["creds"], cmd["host"], cmd["region"], cmd.get("tamper", False))
        header = base64.urlsafe_b64encode(compact(signed).encode()).decode().rstrip("=")
        protocols = ["aws-appsync-event-ws", "header-" + header]
    key = base64.b64encode(os.urandom(16)).decode()
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    request = (
        "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\n"
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: %s\r\n\r\n" % (url.path, url.netloc, key, ", ".join(protocols))
    )
    sock.sendall(request.encode())
    state["sock"] = sock
    raw = b""
    while b"\r\n\r\n" not in raw:
        chunk = sock.recv(4096)
        if not chunk:
            break
        raw += chunk
    head, _, rest = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
    if status != 101:
        sock.close()
        state["sock"] = None
        return {"status": status, "body": rest.decode("utf-8", "replace")}
    accept = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
    if headers.get("sec-websocket-accept") != accept:
        raise ValueError("bad Sec-WebSocket-Accept")
    state["buf"] = rest
    return {"status": 101, "protocol": headers.get("sec-websocket-protocol")}


def recv(state, timeout):
    state["sock"].settimeout(timeout)
    try:
        while True:
            opcode, payload = recv_frame(state)
            if opcode == 0x9:  # ping → pong, as RFC 6455 requires
                send_frame(state, 0xA, payload)
                continue
            if opcode == 0xA:
                continue
            if opcode == 0x8:
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                return {"closed": code, "reason": payload[2:].decode("utf-8", "replace")}
            return {"msg": json.loads(payload.decode())}
    except socket.timeout:
        return {"timeout": True}
    except (ConnectionError, OSError):
        return {"closed": 1006, "reason": ""}


def creds_of(state, cmd):
    return cmd.get("creds") or state["creds"]


def handle(cmd):
    op, name = cmd["op"], cmd["client"]
    if op == "close":
        state = clients.pop(name, None)
        if state and state["sock"]:
            try:
                send_frame(state, 0x8, struct.pack("!H", 1000))
            except OSError:
                pass  # the server closed it first: nothing left to tell it
            state["sock"].close()
        return {"closed": True}
    if op == "connect":
        state = clients.get(name)
        if state and state["sock"]:
            state["sock"].close()  # a client connecting again starts afresh
        state = clients[name] = new_state()
        return connect(state, cmd)
    state = clients.get(name)
    if state is None or (state["sock"] is None and op != "http_publish"):
        raise ValueError("client %s has no open connection" % name)
    if op == "send":
        send_frame(state, 0x1, compact(cmd["msg"]).encode())
        return {"sent": True}
    if op == "subscribe":
        body = compact({"channel": cmd["channel"]})
        auth = sign(body, creds_of(state, cmd), state["host"], cmd.get("region") or state["region"], cmd.get("tamper", False))
        send_frame(state, 0x1, compact({"type": "subscribe", "id": cmd["id"], "channel": cmd["channel"], "authorization": auth}).encode())
        return {"sent": True}
    if op == "publish":
        body = compact({"channel": cmd["channel"], "events": cmd["events"]})
        auth = sign(body, creds_of(state, cmd), state["host"], state["region"])
        send_frame(state, 0x1, compact({"type": "publish", "id": cmd["id"], "channel": cmd["channel"], "events": cmd["events"], "authorization": auth}).encode())
        return {"sent": True}
    if op == "recv":
        return recv(state, cmd.get("timeout", 2.0))
    if op == "http_publish":
        body = compact({"channel": cmd["channel"], "events": cmd["events"]})
        headers = sign(body, creds_of(state, cmd), state["host"], state["region"])
        req = urllib.request.Request("http://%s/event" % state["host"], data=body.encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10) as res:
                return {"status": res.status, "body": json.loads(res.read().decode())}
        except urllib.error.HTTPError as e:
            return {"status": e.code, "body": json.loads(e.read().decode())}
    raise ValueError("unknown op " + op)


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        answer = handle(json.loads(line))
    except Exception as e:  # the test reads the failure instead of hanging
        answer = {"error": "%s: %s" % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
