// The pipeline's SQL text for the dashboard, unchanged: the browser runs the same definition.
import { sqlText } from "../../../data-loaders/sql/index.ts";

process.stdout.write(sqlText("log-odds"));
