package no.purreflyt.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Deploys {@code processes/*.bpmn|dmn} and {@code forms/*.form} from the classpath as one deployment named
 * "purreflyt", under stable resource names (the starter's auto-deployment would name them by absolute file
 * path in a Maven run and by file name in a jar). Forms are bound with formRefBinding="deployment", so
 * every deployment carries every resource; when nothing changed, nothing new is stored.
 *
 * <p>"Changed" is decided against the deployment of the dunning process's latest version, not by the engine's
 * duplicate filtering: that one compares with the deployment of the latest deployment time, and with time travel
 * deployment times do not follow the order of deployments.
 */
public final class ModelDeployment {

    public static final String NAME = "purreflyt";
    public static final java.util.List<String> PATTERNS = java.util.List.of(
            "classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form");

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private ModelDeployment() {
    }

    static Deployment deploy(RepositoryService repository) {
        Map<String, byte[]> resources = resources();
        Optional<Deployment> current = current(repository);
        if (current.isPresent() && sameResources(repository, current.get().getId(), resources)) {
            log.info("Deployment '{}' {} is up to date: {}", NAME, current.get().getId(), resources.keySet());
            return current.get();
        }
        DeploymentBuilder builder = repository.createDeployment().name(NAME);
        resources.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
        Deployment deployment = builder.deploy();
        log.info("Deployment '{}' {}: {}", NAME, deployment.getId(), resources.keySet());
        return deployment;
    }

    /** The deployment the engine runs new cases from: the one holding the dunning process's latest version. */
    static Optional<Deployment> current(RepositoryService repository) {
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(DunningModel.PROCESS_ID)
                .latestVersion().singleResult();
        return Optional.ofNullable(latest)
                .map(definition -> repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult());
    }

    private static boolean sameResources(RepositoryService repository, String deploymentId, Map<String, byte[]> resources) {
        if (!new HashSet<>(repository.getDeploymentResourceNames(deploymentId)).equals(resources.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            try (InputStream deployed = repository.getResourceAsStream(deploymentId, resource.getKey())) {
                if (!Arrays.equals(deployed.readAllBytes(), resource.getValue())) {
                    return false;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource.getKey() + " of deployment " + deploymentId, e);
            }
        }
        return true;
    }

    /** The resources of a deployment by their stable names (processes/dunning.bpmn, forms/review-notice.form...). */
    static Map<String, byte[]> resources() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String pattern : PATTERNS) {
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (InputStream in = resource.getInputStream()) {
                        resources.put(nameOf(resource), in.readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + pattern, e);
            }
        }
        return resources;
    }

    private static String nameOf(Resource resource) {
        String folder = resource.getFilename().endsWith(".form") ? "forms/" : "processes/";
        return folder + resource.getFilename();
    }
}
