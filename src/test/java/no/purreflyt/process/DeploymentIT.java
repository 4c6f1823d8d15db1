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
    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void everyModelAndFormOfTheRepositoryIsDeployedUnderOneName() throws IOException {
        Deployment deployment = ModelDeployment.current(repository).orElseThrow();
        List<String> deployed = repository.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).toList();

        assertThat(deployment.getName()).isEqualTo(ModelDeployment.NAME);
        assertThat(deployed).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(filesIn("processes", ".bpmn", ".dmn").stream(), filesIn("forms", ".form").stream())
                        .toList());
        assertThat(deployed).contains("forms/review-notice.form", "forms/approve-handover.form",
                "forms/resolve-dispute.form", "forms/fix-contact-data.form");
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

    /** Every ${bean} the models name (delegates, listeners, due dates) is a bean of the application. */
    @Test
    void everyBeanTheModelsNameExists() throws IOException {
        java.util.regex.Pattern bean = java.util.regex.Pattern.compile("(?:delegateExpression|dueDate)=\"\\$\\{([A-Za-z]+)[.}]");
        List<String> names = new java.util.ArrayList<>();
        for (String file : filesIn("processes", ".bpmn")) {
            java.util.regex.Matcher m = bean.matcher(Files.readString(Path.of(file)));
            while (m.find()) {
                names.add(m.group(1));
            }
        }

        assertThat(names).contains("decideNextStep", "prepareNotice", "deliverNotice", "closeCase", "taskDue");
        assertThat(names).allSatisfy(name -> assertThat(context.containsBean(name)).as(name).isTrue());
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
