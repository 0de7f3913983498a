// placeholder until the TemplateEngine implementation lands
