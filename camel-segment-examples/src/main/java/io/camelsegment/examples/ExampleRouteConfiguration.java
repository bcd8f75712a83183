package io.camelsegment.examples;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling shared by the Java and YAML routes: a failed send is counted and logged, and the route goes on with
 * the next events. (In production, a dead letter channel or a retry queue would take the failed events.)
 */
public class ExampleRouteConfiguration extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class)
                    .handled(true)
                    .bean("exampleStats", "failed");
    }
}
