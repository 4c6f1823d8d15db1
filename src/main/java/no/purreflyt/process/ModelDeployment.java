package no.purreflyt.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys {@code processes/*.bpmn|dmn} and {@code forms/*.form} from the classpath as one deployment named
 * "purreflyt", under stable resource names (the starter's auto-deployment would name them by absolute file
 * path in a Maven run and by file name in a jar). Forms are bound with formRefBinding="deployment", so
 * every deployment carries every resource; when nothing changed, nothing new is stored.
 */
public final class ModelDeployment {

    public static final String NAME = "purreflyt";
    public static final List<String> PATTERNS = List.of(
            "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private ModelDeployment() {
    }

    static Deployment deploy(RepositoryService repository) {
        DeploymentBuilder builder = repository.createDeployment().name(NAME).enableDuplicateFiltering(false);
        for (Resource resource : resources()) {
            try (InputStream in = resource.getInputStream()) {
                builder.addInputStream(nameOf(resource), in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        Deployment deployment = builder.deploy();
        log.info("Deployment '{}' {}: {}", NAME, deployment.getId(), builder.getResourceNames());
        return deployment;
    }

    private static List<Resource> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> resources = new ArrayList<>();
        for (String pattern : PATTERNS) {
            try {
                resources.addAll(List.of(resolver.getResources(pattern)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + pattern, e);
            }
        }
        return resources;
    }

    private static String nameOf(Resource resource) {
        String folder = resource.getFilename().endsWith(".form") ? "forms/" : "processes/";
        return folder + resource.getFilename();
    }
}
