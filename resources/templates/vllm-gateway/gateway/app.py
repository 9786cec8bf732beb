"""A small API gateway in front of vLLM's OpenAI-compatible server: checks an API key, forwards requests."""

import os

import httpx
from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.responses import StreamingResponse

UPSTREAM_URL = os.environ.get("UPSTREAM_URL", "http://vllm:8000")
API_KEY = os.environ["GATEWAY_API_KEY"]

app = FastAPI(title="vLLM gateway")
client = httpx.AsyncClient(base_url=UPSTREAM_URL, timeout=None)


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@app.api_route("/v1/{path:path}", methods=["GET", "POST"])
async def forward(path: str, request: Request, authorization: str = Header(default="")) -> StreamingResponse:
    if authorization != f"Bearer {API_KEY}":
        raise HTTPException(status_code=401, detail="missing or wrong API key")
    upstream = await client.send(
        client.build_request(request.method, f"/v1/{path}", content=await request.body(),
                             headers={"content-type": request.headers.get("content-type", "application/json")}),
        stream=True,
    )
    return StreamingResponse(upstream.aiter_raw(), status_code=upstream.status_code,
                             media_type=upstream.headers.get("content-type"))
