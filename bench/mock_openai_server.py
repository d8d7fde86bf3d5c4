#!/usr/bin/env python3
"""A scripted OpenAI-compatible server for benchmarks: answers every POST to /v1/chat/completions or
/v1/completions after a fixed delay, echoing the last user message. HTTP/1.1 keep-alive, one thread per
connection. Usage: mock_openai_server.py [--port 0] [--delay 0.1]; prints the chosen port on stdout."""
import argparse
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the body waits for a delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    delay = 0.1

    def log_message(self, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = json.loads(self.rfile.read(length) or b"{}")
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


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.1)
    args = parser.parse_args()
    Handler.delay = args.delay
    server = Server(("127.0.0.1", args.port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
