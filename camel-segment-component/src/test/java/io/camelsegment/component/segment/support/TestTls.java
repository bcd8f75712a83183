package io.camelsegment.component.segment.support;

import java.net.URISyntaxException;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The test TLS material of {@code src/test/resources/tls} (a test CA and server certificates, see the README there):
 * HTTPS WireMock servers on loopback, and client SSLContextParameters that trust the test CA.
 */
public final class TestTls {

    public static final String PASSWORD = "changeit";

    private TestTls() {
    }

    /** An HTTPS-only WireMock on 127.0.0.1 presenting a certificate for localhost and 127.0.0.1. */
    public static WireMockServer httpsServerForLocalhost() {
        return httpsServer("tls/localhost.p12");
    }

    /** An HTTPS-only WireMock on 127.0.0.1 presenting a certificate for wrong-host.invalid only. */
    public static WireMockServer httpsServerForWrongHost() {
        return httpsServer("tls/wrong-host.p12");
    }

    private static WireMockServer httpsServer(String keystore) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true)
                .dynamicHttpsPort().keystorePath(resourcePath(keystore)).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        server.start();
        return server;
    }

    /** Client TLS settings that trust the test CA (and nothing else). */
    public static SSLContextParameters trustingTestCa() {
        KeyStoreParameters truststore = new KeyStoreParameters();
        truststore.setResource("classpath:tls/truststore.p12");
        truststore.setType("PKCS12");
        truststore.setPassword(PASSWORD);
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(truststore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    private static String resourcePath(String resource) {
        try {
            return Path.of(TestTls.class.getClassLoader().getResource(resource).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
