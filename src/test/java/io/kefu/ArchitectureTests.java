package io.kefu;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
			.resideInAPackage("..rest..")
			.check(kefu);
	}

	@Test
	void noJpaAndNoFieldInjection() {
		noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..").check(kefu);
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
			.check(kefu);
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
