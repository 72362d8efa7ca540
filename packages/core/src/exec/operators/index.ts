// Registers every operator; imported once by the task runner on each thread.
import './parallelize.js';
import './range.js';
import './text-file.js';
import './whole-text-files.js';
import './elementwise.js';
import './map-partitions.js';
import './shuffled.js';
import './union.js';
import './coalesce.js';
import './cartesian.js';
import './zip.js';
import './cogroup.js';
import './pipe.js';
import './aggregate-local.js';
import './checkpoint.js';
