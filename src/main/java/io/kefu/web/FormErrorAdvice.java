package io.kefu.web;

import jakarta.servlet.http.HttpServletRequest;

import io.kefu.shared.InvalidInputException;
import io.kefu.shared.NotFoundException;
import io.kefu.shared.StaleDataException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Page errors: a rejected form goes back where it came from with the reason on
 * top (nothing was saved); something missing or outside the user's sites is a 404
 * page. No exception text reaches the page except our own Chinese messages.
 */
@ControllerAdvice(annotations = Controller.class)
class FormErrorAdvice {

	@ExceptionHandler({ InvalidInputException.class, StaleDataException.class })
	ModelAndView rejected(RuntimeException ex, HttpServletRequest request) {
		return back(request, ex.getMessage());
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	private static ModelAndView back(HttpServletRequest request, String message) {
		if (!"POST".equals(request.getMethod())) {
			ModelAndView page = new ModelAndView("error/4xx");
			page.addObject("message", message);
			page.setStatus(HttpStatus.BAD_REQUEST);
			return page;
		}
		RequestContextUtils.getOutputFlashMap(request).put("error", message);
		return new ModelAndView("redirect:" + PreviousPage.of(request, "/"));
	}
}
