# The Python peer of bench_serve: the same exported TorchScript model behind the standard
# library's HTTP server at its best (HTTP/1.1 keep-alive, inference_mode, one intra-op thread
# per request), answering the same JSON as flightdeck-serve. Two ways to run it:
#   serve_python.py BUNDLE PORT           ThreadingHTTPServer (one process: the GIL bounds it)
#   serve_python.py BUNDLE PORT fork      ForkingMixIn: a process per connection, every core
import json
import socket
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from socketserver import ForkingMixIn

import torch

torch.set_num_threads(1)
bundle, port = sys.argv[1], int(sys.argv[2])
model = torch.jit.load(bundle + "/model.pt")
model.eval()
classes = json.load(open(bundle + "/labels.json"))["classes"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body leave in two writes: without this, Nagle + the client's delayed
        # ACK add 40 ms to every answer, which is the socket's fault, not Python's.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        try:
            x = torch.tensor([json.loads(body)["features"]], dtype=torch.float32)
        except Exception as e:  # noqa: BLE001 - any bad body is a 400
            self.reply(400, {"error": str(e)})
            return
        with torch.inference_mode():
            p = torch.softmax(model(x), 1)[0]
        i = int(p.argmax())
        self.reply(200, {"predictions": [{"label": classes[i], "class_index": i,
                                           "confidence": float(p[i])}]})

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class ForkingHTTPServer(ForkingMixIn, HTTPServer):
    max_children = 1024


server = ForkingHTTPServer if sys.argv[3:] == ["fork"] else ThreadingHTTPServer
print("ready", flush=True)
server(("127.0.0.1", port), Handler).serve_forever()
