#!/usr/bin/env python3
"""Keys and signed JWTs for scripts/token-bench-credentials.sh (python3-cryptography; no JOSE library needed).

  mint-assertions.py keys DIR                      -> DIR/client-key.pem (ES256), DIR/client-jwk.json (public),
                                                      DIR/issuer-key.pem (RS256), DIR/issuer-jwks.json (public set)
  mint-assertions.py private-key-jwt DIR CLIENT_ID AUDIENCE COUNT LIFETIME_S
                                                   -> COUNT form bodies, one per line, each a private_key_jwt
                                                      assertion with its own jti, on stdout
  mint-assertions.py workload DIR ISSUER SUBJECT AUDIENCE CLIENT_ID LIFETIME_S
                                                   -> one form body with a workload token of that issuer
"""
import base64
import json
import sys
import time
import uuid
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def number(value: int, size: int) -> str:
    return b64(value.to_bytes(size, "big"))


def keys(folder: Path) -> None:
    client = ec.generate_private_key(ec.SECP256R1())
    public = client.public_key().public_numbers()
    folder.joinpath("client-key.pem").write_bytes(client.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    folder.joinpath("client-jwk.json").write_text(json.dumps(
        {"kty": "EC", "crv": "P-256", "kid": "bench-1", "alg": "ES256",
         "x": number(public.x, 32), "y": number(public.y, 32)}))
    issuer = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    numbers = issuer.public_key().public_numbers()
    folder.joinpath("issuer-key.pem").write_bytes(issuer.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    folder.joinpath("issuer-jwks.json").write_text(json.dumps({"keys": [
        {"kty": "RSA", "kid": "bench-issuer-1", "alg": "RS256", "use": "sig",
         "n": number(numbers.n, (numbers.n.bit_length() + 7) // 8), "e": number(numbers.e, 3)}]}))


def signed(header: dict, claims: dict, sign) -> str:
    signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
    return signing_input + "." + b64(sign(signing_input.encode()))


def private_key_jwt(folder: Path, client_id: str, audience: str, count: int, lifetime: int) -> None:
    key = serialization.load_pem_private_key(folder.joinpath("client-key.pem").read_bytes(), None)

    def sign(data: bytes) -> bytes:
        r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    now = int(time.time())
    out = sys.stdout
    for _ in range(count):
        assertion = signed({"alg": "ES256", "kid": "bench-1", "typ": "JWT"},
                           {"iss": client_id, "sub": client_id, "aud": audience, "iat": now,
                            "exp": now + lifetime, "jti": str(uuid.uuid4())}, sign)
        out.write(f"grant_type=client_credentials&client_assertion_type={JWT_BEARER}"
                  f"&client_assertion={assertion}\n")


def workload(folder: Path, issuer: str, subject: str, audience: str, client_id: str, lifetime: int) -> None:
    key = serialization.load_pem_private_key(folder.joinpath("issuer-key.pem").read_bytes(), None)
    now = int(time.time())
    token = signed({"alg": "RS256", "kid": "bench-issuer-1", "typ": "JWT"},
                   {"iss": issuer, "sub": subject, "aud": audience, "iat": now, "exp": now + lifetime},
                   lambda data: key.sign(data, padding.PKCS1v15(), hashes.SHA256()))
    print(f"grant_type=client_credentials&client_id={client_id}&client_assertion_type={JWT_BEARER}"
          f"&client_assertion={token}")


if __name__ == "__main__":
    command, folder = sys.argv[1], Path(sys.argv[2])
    if command == "keys":
        keys(folder)
    elif command == "private-key-jwt":
        private_key_jwt(folder, sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6]))
    elif command == "workload":
        workload(folder, sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], int(sys.argv[7]))
    else:
        sys.exit(__doc__)
