package no.purreflyt.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.purreflyt.support.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** After start-up the engine runs what the repository holds: every model and form, in one named deployment. */
class DeploymentIT extends IntegrationTest {

    @Autowired RepositoryService repository;

    @Test
    void everyModelAndFormOfTheRepositoryIsDeployedUnderOneName() throws IOException {
        Deployment deployment = repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME)
                .orderByDeploymentTime().desc().list().get(0);
        List<String> deployed = repository.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).toList();

        assertThat(deployed).containsAll(filesIn("processes", ".bpmn", ".dmn")).containsAll(filesIn("forms", ".form"));
        // a form from the test classpath proves the .form pattern is deployed too, before the first user task exists
        assertThat(deployed).contains("forms/deployment-check.form");
    }

    @Test
    void dunningProcessIsDeployedFromThatDeployment() {
        ProcessDefinition dunning = repository.createProcessDefinitionQuery()
                .processDefinitionKey(DunningModel.PROCESS_ID).latestVersion().singleResult();

        assertThat(dunning).isNotNull();
        assertThat(dunning.getResourceName()).isEqualTo(DunningModel.RESOURCE);
        assertThat(repository.createDeploymentQuery().deploymentId(dunning.getDeploymentId()).singleResult().getName())
                .isEqualTo(ModelDeployment.NAME);
    }

    @Test
    void redeployingUnchangedModelsStoresNothingNew() {
        long before = repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).count();

        ModelDeployment.deploy(repository);

        assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).count()).isEqualTo(before);
    }

    private static List<String> filesIn(String folder, String... endings) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> Stream.of(endings).anyMatch(name::endsWith))
                    .map(name -> folder + "/" + name)
                    .toList();
        }
    }
}
