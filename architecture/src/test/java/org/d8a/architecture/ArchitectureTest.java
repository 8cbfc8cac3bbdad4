package org.d8a.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md, checked on the compiled classes of every module: which area may depend on which,
 * no package cycle, the web module only translating HTTP for the application services, JPA only in the persistence
 * module, and no package in two modules.
 */
class ArchitectureTest {

    /** Each module's classes, by the package root it owns; the ejb module owns every other area. */
    private static final Map<String, String> MODULES = Map.of("persistence", "org.d8a.persistence",
            "health", "org.d8a.health.checks", "ejb", "", "batch", "org.d8a.batch", "web", "org.d8a.web");

    /**
     * The areas (first package segment under {@code org.d8a}) each area may depend on, besides itself. The path of a
     * hit runs down this table: web → intake → queue → protosessions → delivery → rows → columns → warehouse.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("config", Set.of()),
            Map.entry("persistence", Set.of()),
            Map.entry("url", Set.of()),
            Map.entry("metrics", Set.of("transactions")),
            Map.entry("transactions", Set.of()),
            Map.entry("properties", Set.of("config")),
            Map.entry("hits", Set.of("properties", "config")),
            Map.entry("cluster", Set.of("persistence", "config")),
            Map.entry("queue", Set.of("cluster", "hits", "persistence", "config")),
            Map.entry("rawlog", Set.of("queue", "hits", "config")),
            Map.entry("enrich", Set.of("url", "config")),
            Map.entry("protocol", Set.of("columns", "enrich", "sessions", "hits", "properties", "config")),
            Map.entry("intake", Set.of("protocol", "queue", "metrics", "hits", "properties", "config")),
            Map.entry("protosessions", Set.of("cluster", "delivery", "queue", "metrics", "hits", "properties", "persistence",
                    "config")),
            Map.entry("sessions", Set.of("hits", "properties")),
            Map.entry("columns", Set.of("enrich", "url", "sessions", "hits", "properties", "config")),
            Map.entry("catalog", Set.of("protocol", "columns", "enrich", "properties", "config")),
            Map.entry("splitter", Set.of("sessions", "hits", "properties")),
            Map.entry("filters", Set.of("sessions", "hits", "properties")),
            Map.entry("rows", Set.of("columns", "filters", "splitter", "sessions", "hits", "properties")),
            Map.entry("warehouse", Set.of("catalog", "columns", "properties", "persistence", "transactions",
                    "config")),
            Map.entry("delivery", Set.of("rows", "warehouse", "catalog", "filters", "columns", "sessions", "hits",
                    "metrics", "transactions", "properties", "persistence", "config")),
            Map.entry("batch", Set.of("cluster", "delivery", "warehouse", "queue", "rawlog", "metrics", "hits", "properties",
                    "persistence", "config")),
            Map.entry("monitoring", Set.of("metrics", "queue", "warehouse", "properties", "persistence", "config")),
            Map.entry("health", Set.of("protosessions", "delivery", "queue", "config")),
            Map.entry("web", Set.of("intake", "catalog", "delivery", "batch", "monitoring")));

    /** What the web module may use: the application services (and the values they return). */
    private static final List<String> WEB_MAY_USE = List.of("org.d8a.web", "org.d8a.intake", "org.d8a.catalog",
            "org.d8a.delivery.status", "org.d8a.batch.DeliveryJobs", "org.d8a.batch.JobStart", "org.d8a.batch.JobRun",
            "org.d8a.batch.JobRefusedException",
            "org.d8a.monitoring.OperatorConsole", "org.d8a.monitoring.PipelineSample");

    private static final Map<String, JavaClasses> BY_MODULE = new TreeMap<>();
    private static JavaClasses all;

    @BeforeAll
    static void importClasses() {
        Path root = Path.of(System.getProperty("d8a.root", ".."));
        List<Path> directories = new ArrayList<>();
        for (String module : MODULES.keySet()) {
            Path classes = root.resolve(module).resolve("target/classes");
            assertFalse(!Files.isDirectory(classes), "no compiled classes under " + classes);
            BY_MODULE.put(module, new ClassFileImporter().importPath(classes));
            directories.add(classes);
        }
        all = new ClassFileImporter().importPaths(directories);
    }

    @Test
    void everyAreaDependsOnlyOnTheAreasTheDesignAllows() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass origin : all) {
            String from = area(origin);
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = area(dependency.getTargetClass());
                if (to != null && !to.equals(from) && !ALLOWED.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(from + " -> " + to + ": " + dependency.getDescription());
                }
            }
        }
        assertEquals(Set.of(), violations);
        assertEquals(new TreeSet<>(ALLOWED.keySet()), areas(), "every area is in the table, and only those");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.d8a.(**)").should().beFreeOfCycles().check(all);
    }

    @Test
    void theWebModuleOnlyTranslatesHttpForTheApplicationServices() {
        Set<String> violations = new TreeSet<>();
        for (JavaClass origin : BY_MODULE.get("web")) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getName();
                if (target.startsWith("org.d8a.") && WEB_MAY_USE.stream().noneMatch(target::startsWith)) {
                    violations.add(dependency.getDescription());
                }
            }
        }
        assertEquals(Set.of(), violations);
    }

    @Test
    void jpaOnlyInThePersistenceModule() {
        Set<String> violations = new TreeSet<>();
        BY_MODULE.forEach((module, classes) -> {
            if (!module.equals("persistence")) {
                for (JavaClass origin : classes) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        if (dependency.getTargetClass().getPackageName().startsWith("jakarta.persistence")) {
                            violations.add(module + ": " + dependency.getDescription());
                        }
                    }
                }
            }
        });
        assertEquals(Set.of(), violations);
    }

    @Test
    void eachModuleOwnsItsPackagesAlone() {
        Map<String, Set<String>> modulesOfPackage = new TreeMap<>();
        Set<String> misplaced = new TreeSet<>();
        BY_MODULE.forEach((module, classes) -> {
            for (JavaClass javaClass : classes) {
                String pkg = javaClass.getPackageName();
                modulesOfPackage.computeIfAbsent(pkg, p -> new TreeSet<>()).add(module);
                String owner = ownerOf(pkg);
                if (!owner.equals(module)) {
                    misplaced.add(javaClass.getName() + " is in " + module + ", its package belongs to " + owner);
                }
            }
        });
        modulesOfPackage.values().removeIf(modules -> modules.size() == 1);
        assertEquals(Map.of(), modulesOfPackage, "packages split across modules");
        assertEquals(Set.of(), misplaced);
    }

    private static String ownerOf(String pkg) {
        return MODULES.entrySet().stream()
                .filter(module -> !module.getValue().isEmpty())
                .filter(module -> pkg.equals(module.getValue()) || pkg.startsWith(module.getValue() + "."))
                .map(Map.Entry::getKey).findFirst().orElse("ejb");
    }

    private static Set<String> areas() {
        Set<String> areas = new TreeSet<>();
        all.forEach(javaClass -> areas.add(area(javaClass)));
        return areas;
    }

    /** The area of a class of ours, {@code null} for anything else (the JDK, Jakarta, libraries). */
    private static String area(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith("org.d8a.")) {
            return null;
        }
        String rest = pkg.substring("org.d8a.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
