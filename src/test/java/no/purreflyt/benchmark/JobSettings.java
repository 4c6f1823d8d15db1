package no.purreflyt.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.context.ApplicationContext;

/** How Purreflyt ran its jobs, read off its running context, so that the baseline runs the same way. */
record JobSettings(int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition, long waitTimeMillis,
        long maxWaitMillis, int connectionPool, String historyLevel) {

    static JobSettings of(ApplicationContext context) {
        JobExecutionProperty pool = context.getBean(CamundaBpmProperties.class).getJobExecution();
        ProcessEngineConfigurationImpl engine = context.getBean(ProcessEngineConfigurationImpl.class);
        JobExecutor jobs = engine.getJobExecutor();
        return new JobSettings(pool.getCorePoolSize(), pool.getMaxPoolSize(), pool.getQueueCapacity(),
                jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(), jobs.getMaxWait(),
                context.getBean(HikariDataSource.class).getMaximumPoolSize(), engine.getHistory());
    }

    String describe() {
        return "job executor %d–%d threads (queue %d), %d jobs per acquisition, idle wait %d–%d ms; connection pool %d; history level %s"
                .formatted(corePoolSize, maxPoolSize, queueCapacity, maxJobsPerAcquisition, waitTimeMillis, maxWaitMillis,
                        connectionPool, historyLevel);
    }
}
