// placeholder until the SearchIndex implementation lands
