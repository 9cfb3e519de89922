package io.kefu.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;

import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the REST API as problem details in Chinese, with the field at fault. */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", ex.getMessage());
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", "请求中有字段不符合要求");
		problem.setProperty("errors", ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList());
		return problem;
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
						: String.valueOf(reference.getIndex()))
				.collect(Collectors.joining("."));
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", "字段 " + field + " 的值无效或类型不对");
			problem.setProperty("errors", List.of(Map.of("field", field, "message", "值无效或类型不对")));
			return problem;
		}
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "请求内容不是有效的 JSON");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "输入有误", "参数 " + ex.getName() + " 的值“" + ex.getValue() + "”无效");
		problem.setProperty("errors", List.of(Map.of("field", ex.getName(), "message", "值无效")));
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "未找到", ex.getMessage());
	}

	@ExceptionHandler(StaleDataException.class)
	ProblemDetail stale(StaleDataException ex) {
		return problem(HttpStatus.CONFLICT, "数据已变化", ex.getMessage());
	}

	/**
	 * Sent by {@link UploadLimitAdvice}: the limit is hit while the request is read,
	 * before a handler is chosen, where this advice (for REST controllers only) does
	 * not apply.
	 */
	static ProblemDetail uploadTooLarge() {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "文件太大", "文件太大：单个文件不能超过 20 MB");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}
}
