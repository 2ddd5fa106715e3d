int keep_placeholder;
