"""Compute V11-HMAC-SHA256 (derived AK/SK) signing vectors with the official Python SDK core.

Usage (any venv):  pip install huaweicloudsdkcore
                   python derived_signing_vectors.py > derived-signing-vectors.json

The inputs below are made up; the expected fields are whatever the official
DerivationAKSKSigner produces for them, so tests/derived_signing.rs checks the Rust signer
against the official one.
"""
import copy
import json
from datetime import datetime
from importlib.metadata import version

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import DerivationAKSKSigner

AK = "HPUAJNYCIXMLQ1YEXAMPLE"
SK = "tDk1YWQ0NzQtNTc3OC00NDZiLWI4NWEtMzk1ZGU2OGVEXAMPLE"

CASES = [
    {
        "name": "GET with query, project header",
        "region": "cn-north-4",
        "service": "modelarts",
        "method": "GET",
        "host": "modelarts.cn-north-4.myhuaweicloud.com",
        "path": "/v2/0a1b2c3d4e5f/training-jobs",
        "query": [["limit", "10"], ["offset", "0"], ["filter", "a b/c"]],
        "headers": {"Content-Type": "application/json", "X-Sdk-Date": "20251103T081500Z",
                    "X-Project-Id": "0a1b2c3d4e5f"},
        "body": "",
    },
    {
        "name": "POST JSON body, security token",
        "region": "eu-west-101",
        "service": "ecs",
        "method": "POST",
        "host": "ecs.eu-west-101.myhuaweicloud.eu",
        "path": "/v1/0a1b2c3d4e5f/cloudservers",
        "query": [],
        "headers": {"Content-Type": "application/json;charset=UTF-8", "X-Sdk-Date": "20260102T235959Z",
                    "X-Security-Token": "gQpjbi1ub3J0aC00EXAMPLETOKEN"},
        "body": "{\"server\":{\"name\":\"vm-01\",\"flavorRef\":\"s6.small.1\"}}",
    },
    {
        "name": "global service, domain header, UTF-8 path segment",
        "region": "eu-de",
        "service": "iam",
        "method": "DELETE",
        "host": "iam.eu-de.otc.t-systems.com",
        "path": "/v3/groups/gr%C3%BCn%20team",
        "query": [["tag", "x"], ["tag", "a"]],
        "headers": {"Content-Type": "application/json", "X-Sdk-Date": "20240229T120000Z", "X-Domain-Id": "d0m41n"},
        "body": "",
    },
    {
        "name": "octet-stream upload is UNSIGNED-PAYLOAD",
        "region": "ap-southeast-1",
        "service": "obs",
        "method": "PUT",
        "host": "127.0.0.1:8443",
        "path": "/v1/objects/report.csv",
        "query": [],
        "headers": {"Content-Type": "application/octet-stream", "X-Sdk-Date": "20251231T101010Z"},
        "body": "a,b\n1,2\n",
    },
]


def compute(case):
    credentials = BasicCredentials(AK, SK)
    request = SdkRequest(
        method=case["method"],
        schema="https",
        host=case["host"],
        resource_path=case["path"],
        query_params=[tuple(pair) for pair in case["query"]],
        header_params=dict(case["headers"]),
        body=case["body"],
    )
    signer = DerivationAKSKSigner(credentials)
    # The intermediates the Rust test compares, from the signer's own steps on a copy taken
    # before sign() adds the Authorization header.
    before = copy.deepcopy(request)
    before.body = before.body.encode("utf-8")
    signer._process_content_header(before)
    t = signer._process_header_time(before)
    signer._process_header_host(before)
    signed_headers = signer._process_signed_headers(before)
    canonical_request = signer._process_canonical_request(before, signed_headers)
    signed = signer.sign(request, case["service"], case["region"])
    authorization = signed.header_params["Authorization"]
    info = "%s/%s/%s" % (t.strftime("%Y%m%d"), case["region"], case["service"])
    string_to_sign = signer._process_string_to_sign(canonical_request, t, info)
    return {
        "canonical_request": canonical_request,
        "string_to_sign": string_to_sign,
        "signed_headers": ";".join(signed_headers),
        "authorization": authorization,
        "request_uri": signed.uri,
    }


def main():
    vectors = []
    for case in CASES:
        vectors.append({
            "name": case["name"],
            "input": {"ak": AK, "sk": SK, **{k: v for k, v in case.items() if k != "name"}},
            "expected": compute(case),
        })
    print(json.dumps({
        "algorithm": "V11-HMAC-SHA256",
        "source": "computed with the official Huawei Cloud Python SDK core signer (DerivationAKSKSigner), "
                  "huaweicloudsdkcore " + version("huaweicloudsdkcore") + ", by derived_signing_vectors.py",
        "vectors": vectors,
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
