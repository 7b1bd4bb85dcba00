// Must NOT type-check: abbreviate takes (string, number), not (number, string).
import lang3 = require('./out/commons-lang3-3.20.0');

lang3.org.apache.commons.lang3.StringUtils.abbreviate(42, 'eight');
