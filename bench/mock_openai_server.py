#!/usr/bin/env python3
"""A scripted OpenAI-compatible server for benchmarks: answers every POST to /v1/chat/completions or
/v1/completions after a fixed delay, echoing the last user message. HTTP/1.1 keep-alive, one thread per
connection. --max-inflight N answers at most N requests at once (the rest queue, as a GPU server's batch
slots do); --log FILE appends one line per answered request (the echoed text) for counting duplicates.
Usage: mock_openai_server.py [--port 0] [--delay 0.1] [--max-inflight N] [--log FILE]; prints the port."""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the body waits for a delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    delay = 0.1
    slots = None
    log = None
    log_lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
        if self.slots is not None:
            with self.slots:
                time.sleep(self.delay)
        else:
            time.sleep(self.delay)
        if "messages" in body:
            text = next((m["content"] for m in reversed(body["messages"]) if m.get("role") == "user"), "")
            choice = {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        else:
            text = body.get("prompt", "")
            choice = {"index": 0, "text": text, "finish_reason": "stop"}
        tokens = max(1, len(text) // 4)
        payload = json.dumps({
            "id": "mock", "object": "chat.completion", "model": body.get("model", "mock"), "choices": [choice],
            "usage": {"prompt_tokens": tokens, "completion_tokens": tokens, "total_tokens": 2 * tokens},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
        if self.log is not None:
            with self.log_lock:
                self.log.write(text.replace("\n", " ") + "\n")
                self.log.flush()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--max-inflight", type=int, default=0)
    parser.add_argument("--log")
    args = parser.parse_args()
    Handler.delay = args.delay
    if args.max_inflight > 0:
        Handler.slots = threading.BoundedSemaphore(args.max_inflight)
    if args.log:
        Handler.log = open(args.log, "a", encoding="utf-8")
    server = Server(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
