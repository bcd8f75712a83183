package io.camelsegment.component.segment.springboot;

import io.camelsegment.component.segment.SegmentConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A user's application: its routes name only the operation; everything else about Segment comes from
 * application.properties through the starter.
 */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    RouteBuilder signupRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:signups")
                        .setHeader(SegmentConstants.USER_ID, simple("${body[id]}"))
                        .to("segment:track");
            }
        };
    }
}
