/**
 * Satisfaction surveys (满意度调查): questionnaires in versions, waves per site with a
 * reproducible sample of occupied households spread over the buildings, visit lists,
 * answers from signed paper forms or given online, results with the previous wave
 * beside them, and the improvement actions (整改) followed until verified.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Satisfaction surveys",
		allowedDependencies = { "directory", "security", "shared", "web" })
package io.kefu.survey;
