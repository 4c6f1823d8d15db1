# Purreflyt's application image. Build: docker build -t purreflyt . (or docker compose build)
# Stage 1 builds the jar with the project's own Maven; the tests run in CI (.ci/run), not here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -q -B -DskipTests package \
 && java -Djarmode=tools -jar target/purreflyt-*.jar extract --layers --application-filename purreflyt.jar \
      --destination /app

# Stage 2: the JRE and the jar's layers (dependencies first, so a code change rebuilds only the last layer): a thin
# purreflyt.jar with its libraries in lib/, as class data sharing needs them
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app purreflyt \
 && mkdir -p /var/lib/purreflyt/agency-exports && chown -R purreflyt /var/lib/purreflyt
WORKDIR /app
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# Class data sharing (Spring Boot's reference, "Class Data Sharing"): a training run starts the application context
# on an in-memory database and exits, and the JVM writes the classes it loaded to purreflyt.jsa; starting from that
# archive takes about a quarter less time (benchmark/RESULTS.md). The archive belongs to this JRE and this jar: a
# JVM that cannot use it starts without it.
RUN PURREFLYT_COLLECTION_EXPORT_DIRECTORY=/tmp/training-exports \
    java -XX:ArchiveClassesAtExit=purreflyt.jsa -Dspring.context.exit=onRefresh -jar purreflyt.jar \
      --spring.datasource.url=jdbc:h2:mem:training --server.port=0 --purreflyt.mail-sink.enabled=false \
 && rm -rf /tmp/training-exports data
USER purreflyt
ENV SPRING_PROFILES_ACTIVE=postgres,production \
    PURREFLYT_COLLECTION_EXPORT_DIRECTORY=/var/lib/purreflyt/agency-exports \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=purreflyt.jsa", "-jar", "purreflyt.jar"]
