package no.purreflyt.process;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Deploys our models as soon as the engine exists, while the context starts: before the job executor
 * starts (on application ready) and before any start-up work that starts cases.
 */
@Component
class ProcessEngineSetup implements InitializingBean {

    private final RepositoryService repository;

    ProcessEngineSetup(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void afterPropertiesSet() {
        ModelDeployment.deploy(repository);
    }
}
