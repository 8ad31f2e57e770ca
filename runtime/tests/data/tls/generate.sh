#!/bin/sh
# Test-only PKI for tests/transport.rs: a CA, a server certificate for 127.0.0.1 and a client
# certificate, all signed by that CA and valid for 100 years. Nothing here protects anything;
# regenerate with `sh generate.sh` from this directory.
set -eu
days=36500
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days $days \
  -subj "/CN=docbind test CA" -keyout ca.key -out ca.pem \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
  -keyout server.key -out server.csr
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $days \
  -extfile server.ext -out server.pem
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=docbind test client" \
  -keyout client.key -out client.csr
printf 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n' > client.ext
openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days $days \
  -extfile client.ext -out client.pem
# PKCS#8 keys: what both rustls and reqwest read.
for k in server client; do openssl pkcs8 -topk8 -nocrypt -in $k.key -out $k.key.tmp && mv $k.key.tmp $k.key; done
rm -f server.csr client.csr server.ext client.ext ca.srl ca.key
