#!/bin/sh
# Regenerates the test TLS material of this folder with the JDK's keytool (run it here; all passwords: changeit).
# ca.p12: the test CA (private key kept only so the set can be regenerated); truststore.p12: trusts that CA;
# localhost.p12: a server key and certificate for localhost and 127.0.0.1, signed by the CA;
# wrong-host.p12: the same for the name wrong-host.invalid only (hostname verification must refuse it on 127.0.0.1).
set -e
P=changeit
rm -f ca.p12 ca.pem truststore.p12 localhost.p12 wrong-host.p12 ./*.csr ./*.crt
keytool -genkeypair -alias ca -dname "CN=camel-segment test CA" -keyalg RSA -keysize 2048 -validity 36500 \
  -ext bc:c -keystore ca.p12 -storetype PKCS12 -storepass $P
keytool -exportcert -alias ca -keystore ca.p12 -storepass $P -rfc -file ca.pem
keytool -importcert -alias ca -file ca.pem -keystore truststore.p12 -storetype PKCS12 -storepass $P -noprompt
for name in localhost wrong-host; do
  if [ $name = localhost ]; then san=dns:localhost,ip:127.0.0.1; cn=localhost; else san=dns:wrong-host.invalid; cn=wrong-host.invalid; fi
  keytool -genkeypair -alias server -dname "CN=$cn" -keyalg RSA -keysize 2048 -validity 36500 \
    -keystore $name.p12 -storetype PKCS12 -storepass $P
  keytool -certreq -alias server -keystore $name.p12 -storepass $P -file $name.csr
  keytool -gencert -alias ca -keystore ca.p12 -storepass $P -infile $name.csr -outfile $name.crt -rfc -validity 36500 \
    -ext san=$san -ext ku=digitalSignature,keyEncipherment -ext eku=serverAuth
  keytool -importcert -alias ca -file ca.pem -keystore $name.p12 -storepass $P -noprompt
  keytool -importcert -alias server -file $name.crt -keystore $name.p12 -storepass $P -noprompt
  keytool -delete -alias ca -keystore $name.p12 -storepass $P
  rm -f $name.csr $name.crt
done
