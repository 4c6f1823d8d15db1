package no.purreflyt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Purreflyt: dunning for Norwegian and Swedish creditors, one Camunda process instance per overdue invoice. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PurreflytApplication {

    public static void main(String[] args) {
        SpringApplication.run(PurreflytApplication.class, args);
    }
}
