package io.kefu.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeWebController {

	@GetMapping("/")
	String home() {
		return "web/home";
	}
}
