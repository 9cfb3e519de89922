package io.kefu;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

class ArchitectureTests {

	static final JavaClasses kefu = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.kefu");

	@Test
	void pageControllersArePackagePrivateAndNamedSo() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.should()
			.notBePublic()
			.andShould()
			.haveSimpleNameEndingWith("WebController")
			.check(kefu);
	}

	@Test
	void restControllersArePackagePrivateAndNamedSo() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.andShould()
			.haveSimpleNameEndingWith("RestController")
			.check(kefu);
	}

	@Test
	void restControllersLiveUnderApiV1() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.should()
			.beAnnotatedWith(DescribedPredicate.describe("@RequestMapping(\"/api/v1...\")",
					(JavaAnnotation<?> annotation) -> annotation.getRawType().isEquivalentTo(RequestMapping.class)
							&& Arrays.stream((String[]) annotation.get("value").orElse(new String[0]))
								.allMatch(path -> path.startsWith("/api/v1"))))
			.check(kefu);
	}

	@Test
	void noJpaAndNoFieldInjection() {
		noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(kefu);
		noFields().should().beAnnotatedWith("org.springframework.beans.factory.annotation.Autowired").check(kefu);
	}

	@Test
	void timeComesFromTheInjectedClock() {
		noClasses().that()
			.resideOutsideOfPackage("io.kefu")
			.should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDate.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.check(kefu);
	}
}
