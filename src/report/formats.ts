/** The output formats each command offers: plain constants, so that defining the commands loads no renderer. */
export const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export const SCENARIO_FORMATS = ['text', 'markdown', 'html', 'json'] as const;
export const VIEW_FORMATS = ['text', 'markdown', 'csv', 'json', 'html'] as const;
